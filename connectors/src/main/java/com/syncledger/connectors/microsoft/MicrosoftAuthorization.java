package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Microsoft identity platform's authorization-code flow for Microsoft Advertising: the consent page with
 * scope {@code msads.manage offline_access} and PKCE (S256, which the platform documents), the exchange with the
 * same scope (one-hour access tokens and a refresh token), and the accounts by Customer Management
 * {@code GetUser} then {@code SearchAccounts} on that user, page by page.
 */
final class MicrosoftAuthorization extends CodeFlowAuthorization {

    private static final Platform MICROSOFT = Platform.MICROSOFT;
    private static final int PAGE_SIZE = 100;

    private final Secret developerToken;

    /**
     * @param customerManagementUrl the Customer Management root with its version, e.g.
     *                              {@code https://clientcenter.api.bingads.microsoft.com/CustomerManagement/v13}
     */
    MicrosoftAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, String scope, URI customerManagementUrl,
            Secret developerToken) {
        super(authorizeUrl, codeGrant.withFormParam("scope", scope), customerManagementUrl, scope, " ", true);
        this.developerToken = developerToken;
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken, new MicrosoftErrors("SearchAccounts"))
                .header("DeveloperToken", developerToken).build();
        JsonNode user = http.postJson(api("/User/Query"), "{\"UserId\":null}").body();
        String userId = Json.text(user.path("User"), "Id");
        if (userId == null) {
            throw new ConnectorException.BadResponse(ConnectorException.Details.of(MICROSOFT,
                    "Microsoft Advertising answered GetUser without the user's id"));
        }
        List<ReachableAccount> accounts = new ArrayList<>();
        for (int index = 0; ; index++) {
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("Predicates", List.of(Map.of("Field", "UserId", "Operator", "Equals", "Value", userId)));
            search.put("Ordering", null);
            search.put("PageInfo", Map.of("Index", index, "Size", PAGE_SIZE));
            JsonNode page = http.postJson(api("/Accounts/Search"), Json.write(search))
                    .body().path("Accounts");
            if (!page.isArray()) {
                throw new ConnectorException.BadResponse(ConnectorException.Details.of(MICROSOFT,
                        "Microsoft Advertising answered SearchAccounts without an Accounts list"));
            }
            // Only an empty page ends the listing: a page shorter than asked may come from a server-side cap.
            if (page.isEmpty()) {
                return List.copyOf(accounts);
            }
            for (JsonNode account : page) {
                accounts.add(listed(account, "Id", "Name"));
            }
        }
    }
}
