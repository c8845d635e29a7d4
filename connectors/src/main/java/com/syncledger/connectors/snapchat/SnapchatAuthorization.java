package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Snap's OAuth for the Marketing API: the consent page with scope {@code snapchat-marketing-api} (Snap documents
 * no PKCE for it), the standard exchange (30-minute access tokens and a refresh token), and
 * {@code GET /v1/me/organizations?with_ad_accounts=true} for the accounts, following {@code paging.next_link}.
 */
final class SnapchatAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "snapchat-marketing-api";

    /** @param apiUrl the Marketing API root with its version, e.g. {@code https://adsapi.snapchat.com/v1} */
    SnapchatAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiUrl) {
        super(authorizeUrl, codeGrant, apiUrl, SCOPE, " ", false);
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken).build();
        List<ReachableAccount> accounts = new ArrayList<>();
        URI page = api("/me/organizations?with_ad_accounts=true");
        while (page != null) {
            JsonNode body = http.getJson(page).body();
            String requestId = SnapchatErrors.requestId(body, null);
            if (!SnapchatErrors.isSuccess(Json.text(body, "request_status")) || !body.path("organizations").isArray()) {
                throw SnapchatErrors.badResponse(requestId, "listed organizations without success or a list");
            }
            for (JsonNode item : body.path("organizations")) {
                if (!SnapchatErrors.isSuccess(Json.text(item, "sub_request_status"))) {
                    throw SnapchatErrors.badResponse(requestId, "could not list one organization: "
                            + Json.text(item, "sub_request_reason"));
                }
                for (JsonNode account : item.path("organization").path("ad_accounts")) {
                    accounts.add(listed(account, "id", "name"));
                }
            }
            String next = Json.text(body.path("paging"), "next_link");
            page = next == null || next.isBlank() ? null : URI.create(next);
        }
        return List.copyOf(accounts);
    }
}
