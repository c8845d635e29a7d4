package com.syncledger.connectors.reddit;

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
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Reddit's OAuth for the Ads API: the consent page with scope {@code adsread} and {@code duration=permanent} (so
 * a refresh token comes back; Reddit documents no PKCE), the code exchanged with the client in a Basic header and
 * Reddit's User-Agent, and the accounts by {@code GET /api/v3/me/businesses} then each business's
 * {@code ad_accounts}, both paged by {@code pagination.next_url}.
 */
final class RedditAuthorization extends CodeFlowAuthorization {

    static final String SCOPE = "adsread";
    private static final Platform REDDIT = Platform.REDDIT;
    private static final int PAGE_SIZE = 100;

    /**
     * @param codeGrant its headers (Reddit's User-Agent) go on the listing calls too
     * @param apiUrl    the Ads API root with its version, e.g. {@code https://ads-api.reddit.com/api/v3}
     */
    RedditAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiUrl) {
        super(authorizeUrl, codeGrant, apiUrl, SCOPE, "[ ,]", false);
    }

    @Override
    protected Map<String, String> extraAuthorizeParams() {
        return Map.of("duration", "permanent");
    }

    @Override
    public List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException {
        AuthorizedHttp http = apiCalls(accessToken).build();
        List<String> businesses = new ArrayList<>();
        pages(http, api("/me/businesses?page.size=" + PAGE_SIZE),
                business -> businesses.add(Json.text(business, "id")));
        List<ReachableAccount> accounts = new ArrayList<>();
        for (String business : businesses) {
            pages(http, api("/businesses/" + URLEncoder.encode(business, StandardCharsets.UTF_8)
                    + "/ad_accounts?page.size=" + PAGE_SIZE), account -> accounts.add(listed(account, "id", "name")));
        }
        return List.copyOf(accounts);
    }

    /** Every item of a listing, following {@code pagination.next_url} (on the configured host, as the reports do). */
    private void pages(AuthorizedHttp http, URI first, Consumer<JsonNode> item) {
        URI page = first;
        while (page != null) {
            JsonNode body = http.getJson(page).body();
            if (!body.path("data").isArray()) {
                throw new ConnectorException.BadResponse(ConnectorException.Details.of(REDDIT,
                        "Reddit answered a listing without a data array"));
            }
            body.path("data").forEach(item);
            String next = Json.text(body.path("pagination"), "next_url");
            page = next == null || next.isBlank() ? null : onApiHost(URI.create(next));
        }
    }

    private URI onApiHost(URI next) {
        URI apiUrl = apiRoot();
        return URI.create(apiUrl.getScheme() + "://" + apiUrl.getRawAuthority() + next.getRawPath()
                + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }
}
