package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
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
 * Pinterest's OAuth: the consent page {@code www.pinterest.com/oauth/} with scope {@code ads:read} (Pinterest
 * documents no PKCE), the code exchanged with the app id and secret in a Basic header (the answer states both
 * lifetimes), and {@code GET /v5/ad_accounts} paged by {@code bookmark}.
 */
final class PinterestAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "ads:read";
    private static final int PAGE_SIZE = 250;

    /** @param apiUrl the API root with its version, e.g. {@code https://api.pinterest.com/v5} */
    PinterestAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiUrl) {
        super(authorizeUrl, codeGrant, apiUrl, SCOPE, ",", false);
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken).build();
        List<ReachableAccount> accounts = new ArrayList<>();
        String bookmark = null;
        do {
            URI page = api("/ad_accounts?page_size=" + PAGE_SIZE + (bookmark == null ? ""
                    : "&bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8)));
            JsonNode body = http.getJson(page).body();
            if (!body.path("items").isArray()) {
                throw PinterestErrors.badResponse(null, "Pinterest listed ad accounts without an items array");
            }
            for (JsonNode account : body.path("items")) {
                accounts.add(listed(account, "id", "name"));
            }
            bookmark = Json.text(body, "bookmark");
        } while (bookmark != null && !bookmark.isBlank());
        return List.copyOf(accounts);
    }
}
