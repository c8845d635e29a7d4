package com.syncledger.connectors.amazon;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AccessTokens;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Login with Amazon for the Amazon Ads API: the consent page {@code www.amazon.com/ap/oa} with scope
 * {@code advertising::campaign_management} and PKCE (S256, which LWA documents; the confidential exchange works
 * without it too), the standard exchange (one-hour access tokens and a refresh token that does not expire), and
 * {@code GET /v2/profiles} for the profiles the token can use in the configured region (Amazon does not page it).
 */
final class AmazonAdsAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "advertising::campaign_management";
    private static final Platform AMAZON = Platform.AMAZON;

    private final URI baseUrl;
    private final String clientId;
    private final WireClient wire;

    AmazonAdsAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI baseUrl, WireClient wire) {
        super(authorizeUrl, codeGrant, SCOPE, " ", true);
        this.baseUrl = baseUrl;
        this.clientId = codeGrant.clientId();
        this.wire = wire;
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = AuthorizedHttp.builder(AMAZON, wire, AccessTokens.fixed(accessToken),
                        new AmazonAdsErrors())
                .header("Amazon-Advertising-API-ClientId", clientId)
                .acceptJson().build();
        JsonNode profiles = http.getJson(URI.create(baseUrl + "/v2/profiles")).body();
        if (!profiles.isArray()) {
            throw new ConnectorException.BadResponse(ConnectorException.Details.of(AMAZON,
                    "Amazon Ads profiles are not a JSON array"));
        }
        List<ReachableAccount> accounts = new ArrayList<>();
        for (JsonNode profile : profiles) {
            accounts.add(new ReachableAccount(AccountId.of(AMAZON, Json.text(profile, "profileId")),
                    Json.text(profile.path("accountInfo"), "name")));
        }
        return List.copyOf(accounts);
    }
}
