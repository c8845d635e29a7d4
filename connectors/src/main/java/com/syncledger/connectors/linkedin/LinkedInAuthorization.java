package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn's three-legged OAuth for the Advertising API: the consent page with scopes {@code r_ads} and
 * {@code r_ads_reporting} (PKCE is LinkedIn's for native apps only, so none here), the standard exchange (60-day
 * access and 365-day refresh tokens, both lifetimes stated), and the ad accounts search
 * {@code GET /rest/adAccounts?q=search}, paged by {@code pageToken}.
 */
final class LinkedInAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "r_ads r_ads_reporting";
    private static final Platform LINKEDIN = Platform.LINKEDIN;
    private static final int PAGE_SIZE = 100;

    private final String apiVersion;

    LinkedInAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI baseUrl, String apiVersion) {
        super(authorizeUrl, codeGrant, baseUrl, SCOPE, "[ ,]", false);
        this.apiVersion = apiVersion;
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken)
                .header("LinkedIn-Version", apiVersion)
                .header("X-Restli-Protocol-Version", "2.0.0").build();
        List<ReachableAccount> accounts = new ArrayList<>();
        String pageToken = null;
        do {
            URI page = api("/rest/adAccounts?q=search&pageSize=" + PAGE_SIZE + (pageToken == null
                    ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8)));
            JsonNode body = http.getJson(page).body();
            if (!body.path("elements").isArray()) {
                throw new ConnectorException.BadResponse(ConnectorException.Details.of(LINKEDIN,
                        "LinkedIn answered the ad accounts search without elements"));
            }
            for (JsonNode account : body.path("elements")) {
                accounts.add(listed(account, "id", "name"));
            }
            pageToken = Json.text(body.path("metadata"), "nextPageToken");
        } while (pageToken != null && !pageToken.isBlank());
        return List.copyOf(accounts);
    }
}
