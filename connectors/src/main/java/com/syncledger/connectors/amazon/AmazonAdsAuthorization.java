package com.syncledger.connectors.amazon;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
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

    private final String clientId;

    AmazonAdsAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI baseUrl) {
        super(authorizeUrl, codeGrant, baseUrl, SCOPE, " ", true);
        this.clientId = codeGrant.clientId();
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken)
                .header("Amazon-Advertising-API-ClientId", clientId).build();
        JsonNode profiles = http.getJson(api("/v2/profiles")).body();
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
