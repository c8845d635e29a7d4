package com.syncledger.connectors.reddit;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Authorized calls to the Ads API: bearer token and User-Agent on each, one token refresh and one repeat
 * after a 401, Reddit's request id captured, errors translated by {@link RedditErrors}.
 */
final class RedditHttp {

    private static final Platform REDDIT = Platform.REDDIT;

    private final WireClient wire;
    private final OAuthRefresher tokens;
    private final String userAgent;

    RedditHttp(WireClient wire, OAuthRefresher tokens, String userAgent) {
        this.wire = wire;
        this.tokens = tokens;
        this.userAgent = userAgent;
    }

    /** A successful answer's JSON body and Reddit's request id (null when none was sent). */
    record Answer(JsonNode body, String requestId) {
    }

    Answer get(URI url) {
        return send(() -> HttpRequest.newBuilder(url).GET());
    }

    Answer postJson(URI url, String json) {
        return send(() -> HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(Supplier<HttpRequest.Builder> request) {
        // Reddit's expired-token body is not documented (UNSURE): any 401 gets one refresh, if one is possible.
        WireResponse response = tokens.withFreshToken(token -> wire.send(REDDIT, authorized(request.get(), token)),
                answer -> answer.status() == 401);
        if (!response.isSuccess()) {
            throw RedditErrors.toException(response);
        }
        String requestId = RedditErrors.requestId(response);
        return new Answer(Json.parse(REDDIT, response, requestId), requestId);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, Secret token) {
        return request
                .header("Authorization", "Bearer " + token.reveal())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
    }
}
