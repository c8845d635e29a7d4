package com.syncledger.connectors.google;

import com.syncledger.connectors.CodeFlowAuthorization;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.JsonAnswer;
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
 * Google's OAuth 2 web-server flow for the Google Ads scope: the consent page with PKCE (S256),
 * {@code access_type=offline} and {@code prompt=consent} so a refresh token comes back every time, the code
 * exchanged at Google's token endpoint, and {@code customers:listAccessibleCustomers} for the customers the
 * token reaches, each named by one GAQL query on {@code customer}.
 */
final class GoogleAdsAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "https://www.googleapis.com/auth/adwords";
    private static final Platform GOOGLE = Platform.GOOGLE;
    private static final String NAME_QUERY = "SELECT customer.id, customer.descriptive_name FROM customer";

    /** @param apiUrl the Google Ads API root with its version, e.g. {@code https://googleads.googleapis.com/v26} */
    GoogleAdsAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiUrl) {
        super(authorizeUrl, codeGrant, apiUrl, SCOPE, " ", true);
    }

    /** Offline access with a fresh consent, so Google returns a refresh token on every connection. */
    @Override
    protected Map<String, String> extraAuthorizeParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_type", "offline");
        params.put("prompt", "consent");
        return params;
    }

    /**
     * The customers the token reaches directly (Google does not page this list), with their names. A customer
     * that cannot be read (a cancelled one answers {@code CUSTOMER_NOT_ENABLED}) is listed without a name.
     */
    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken).build();
        JsonNode listed = http.getJson(api("/customers:listAccessibleCustomers")).body();
        List<ReachableAccount> accounts = new ArrayList<>();
        for (JsonNode resource : listed.path("resourceNames")) {
            String name = resource.asString("");
            if (!name.startsWith("customers/")) {
                throw new ConnectorException.BadResponse(ConnectorException.Details.of(GOOGLE,
                        "Google Ads listed a customer as '" + name + "', not customers/<id>"));
            }
            AccountId id = AccountId.of(GOOGLE, name.substring("customers/".length()));
            accounts.add(new ReachableAccount(id, descriptiveName(http, id)));
        }
        return List.copyOf(accounts);
    }

    private String descriptiveName(AuthorizedHttp http, AccountId id) {
        URI uri = api("/customers/" + id.valueOn(GOOGLE) + "/googleAds:searchStream");
        JsonAnswer answer;
        try {
            answer = http.postJson(uri, Json.write(Map.of("query", NAME_QUERY)));
        } catch (ConnectorException.Permission unreadable) {
            return null;
        }
        GoogleAdsMapper.StreamRows rows = GoogleAdsMapper.rows(answer.body(), answer.response(), answer.requestId());
        return GoogleAdsMapper.descriptiveName(rows);
    }
}
