package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.AppSecretAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AccessTokens;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * TikTok's advertiser authorization: the page {@code business-api.tiktok.com/portal/auth} ({@code app_id},
 * {@code state}, {@code redirect_uri}; the app's scopes are set in its settings, and TikTok documents no PKCE),
 * the {@code auth_code} exchanged by {@code POST /oauth2/access_token/} with the app id and secret in a JSON
 * body for a long-term token (no expiry, no refresh token), and {@code GET /oauth2/advertiser/get/} for the
 * advertisers it reaches (not paged). The exchange carries no redirect URI, so TikTok cannot check it there.
 */
final class TikTokAuthorization extends AppSecretAuthorization {

    private static final Platform TIKTOK = Platform.TIKTOK;
    private static final TikTokErrors ERRORS = new TikTokErrors();

    private final URI apiRoot;

    /** @param apiRoot the API root with its version, e.g. {@code https://business-api.tiktok.com/open_api/v1.3} */
    TikTokAuthorization(URI authorizeUrl, URI tokenUrl, URI apiRoot, String appId, Secret appSecret, WireClient wire) {
        super(authorizeUrl, tokenUrl, appId, appSecret, wire);
        this.apiRoot = apiRoot;
    }

    @Override
    public URI authorizeUrl(String state, String codeChallenge, URI redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", appId);
        params.put("state", state);
        params.put("redirect_uri", redirectUri.toString());
        return OAuthCodeGrant.authorizeUrl(authorizeUrl, params);
    }

    @Override
    public Grant exchange(String code, String codeVerifier, URI redirectUri) throws ConnectorException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("app_id", appId);
        body.put("secret", appSecret.reveal());
        body.put("auth_code", code);
        TikTokErrors.Answer answer;
        try {
            answer = ERRORS.unwrap(wire.send(TIKTOK, HttpRequest.newBuilder(tokenUrl)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))));
        } catch (ConnectorException e) {
            throw refusal(e);
        }
        String token = Json.text(answer.data(), "access_token");
        if (token == null || token.isBlank()) {
            throw new ConnectorException.BadResponse(new Details(TIKTOK, 200, null, answer.requestId(),
                    "TikTok answered the code exchange without an access token"));
        }
        List<String> scopes = new ArrayList<>();
        answer.data().path("scope").forEach(scope -> scopes.add(scope.asString()));
        return new Grant(Secret.of(token), Optional.empty(), Optional.empty(), Optional.empty(), scopes);
    }

    /** A refused code is kind auth whatever code TikTok gave it; throttling and TikTok's failures keep theirs. */
    private static ConnectorException refusal(ConnectorException e) {
        if (e instanceof ConnectorException.Auth || e.retryable() || e instanceof ConnectorException.BadResponse) {
            return e;
        }
        return new ConnectorException.Auth(new Details(TIKTOK, e.httpStatus(), e.platformCode(), e.requestId(),
                "TikTok refused the authorization: " + e.getMessage()));
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = AuthorizedHttp.builder(TIKTOK, wire, AccessTokens.fixed(accessToken), ERRORS)
                .tokenIn("Access-Token").acceptJson().build();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", appId);
        params.put("secret", appSecret.reveal());
        // The URL carries the app secret: it is never logged or put into an error.
        TikTokErrors.Answer answer = ERRORS.unwrap(http.exchange(HttpRequest.newBuilder(
                OAuthCodeGrant.authorizeUrl(URI.create(apiRoot + "/oauth2/advertiser/get/"), params)).GET()));
        List<ReachableAccount> accounts = new ArrayList<>();
        for (JsonNode advertiser : answer.data().path("list")) {
            accounts.add(ReachableAccount.listed(TIKTOK, advertiser, "advertiser_id", "advertiser_name"));
        }
        return List.copyOf(accounts);
    }
}
