package com.syncledger.connectors.meta;

import com.syncledger.connectors.AppSecretAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AccessTokens;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Facebook Login for the agency's app: the {@code dialog/oauth} consent page, the code exchanged at
 * {@code GET /oauth/access_token} for a short-lived user token, which is at once exchanged
 * ({@code grant_type=fb_exchange_token}) for a long-lived one (about 60 days; Meta has no refresh token), and
 * {@code GET /me/adaccounts} for the accounts it reaches. No PKCE: Meta documents it for its manual flow only
 * loosely, and the exchange is proven by the app secret anyway.
 */
final class MetaAuthorization extends AppSecretAuthorization {

    static final String SCOPE = "ads_read";
    private static final Platform META = Platform.META;
    private static final MetaErrors ERRORS = new MetaErrors();
    private static final int PAGE_LIMIT = 100;

    private final URI graphUrl;
    private final Clock clock;

    /**
     * @param graphUrl the Graph API root with its version, e.g. {@code https://graph.facebook.com/v26.0}
     */
    MetaAuthorization(URI authorizeUrl, URI tokenUrl, URI graphUrl, String appId, Secret appSecret, WireClient wire,
            Clock clock) {
        super(authorizeUrl, tokenUrl, appId, appSecret, wire);
        this.graphUrl = graphUrl;
        this.clock = clock;
    }

    @Override
    public URI authorizeUrl(String state, String codeChallenge, URI redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", appId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("state", state);
        params.put("response_type", "code");
        params.put("scope", SCOPE);
        return OAuthCodeGrant.authorizeUrl(authorizeUrl, params);
    }

    @Override
    public Grant exchange(String code, String codeVerifier, URI redirectUri) throws ConnectorException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", appId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("client_secret", appSecret.reveal());
        params.put("code", code);
        JsonNode shortLived = tokenCall(params);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "fb_exchange_token");
        exchange.put("client_id", appId);
        exchange.put("client_secret", appSecret.reveal());
        exchange.put("fb_exchange_token", Json.text(shortLived, "access_token"));
        Instant now = clock.instant();
        Grant longLived = OAuthCodeGrant.grant(META, tokenCall(exchange), now, ",");
        return new Grant(longLived.accessToken(), Optional.empty(), longLived.accessExpiresAt(), Optional.empty(),
                List.of(SCOPE));
    }

    /** One {@code GET /oauth/access_token}; the URL carries the app secret, so it is never logged. */
    private JsonNode tokenCall(Map<String, String> params) {
        WireResponse response = wire.send(META, HttpRequest.newBuilder(OAuthCodeGrant.authorizeUrl(tokenUrl, params))
                .header("Accept", "application/json").GET());
        if (!response.isSuccess()) {
            throw OAuthCodeGrant.refused(META, ERRORS, response);
        }
        JsonNode body = Json.parse(META, response, ERRORS.requestId(response));
        if (Json.text(body, "access_token") == null) {
            throw new ConnectorException.BadResponse(ConnectorException.Details.of(META,
                    "Meta answered the code exchange without an access token"));
        }
        return body;
    }

    /** {@code GET /me/adaccounts}, following the {@code after} cursor while Meta names a next page. */
    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = AuthorizedHttp.builder(META, wire, AccessTokens.fixed(accessToken), ERRORS)
                .acceptJson().build();
        String proof = MetaConnector.appSecretProof(accessToken, appSecret);
        List<ReachableAccount> accounts = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("fields", "account_id,name");
            params.put("limit", String.valueOf(PAGE_LIMIT));
            params.put("after", after);
            params.put("appsecret_proof", proof);
            JsonNode body = http.getJson(OAuthCodeGrant.authorizeUrl(URI.create(graphUrl + "/me/adaccounts"), params))
                    .body();
            for (JsonNode account : body.path("data")) {
                String id = Json.text(account, "account_id");
                if (id == null) {
                    throw new ConnectorException.BadResponse(ConnectorException.Details.of(META,
                            "Meta listed an ad account without account_id"));
                }
                accounts.add(ReachableAccount.listed(META, account, "account_id", "name"));
            }
            JsonNode paging = body.path("paging");
            after = paging.has("next") ? Json.text(paging.path("cursors"), "after") : null;
        } while (after != null);
        return List.copyOf(accounts);
    }
}
