package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.OAuthConnector;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn Marketing API (versioned REST, Rest.li 2.0): daily account spend from {@code adAnalytics} with
 * {@code costInLocalCurrency} in the account's currency, never {@code costInUsd}. LinkedIn ad accounts have
 * no time zone: reporting days are UTC days, so {@link #accountInfo} reports UTC. The access token is
 * refreshed once with the refresh token when LinkedIn refuses it; LinkedIn keeps the refresh token on refresh.
 */
public final class LinkedInConnector extends OAuthConnector {

    public static final String DEFAULT_BASE_URL = "https://api.linkedin.com";
    public static final String DEFAULT_TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken";
    /** The newest version the platform facts confirm; it is served until 2027-03-16. */
    public static final String DEFAULT_API_VERSION = "202603";
    public static final String API_VERSION_VAR = "LINKEDIN_API_VERSION";

    /** The day boundary of LinkedIn reporting (UNSURE in the facts: no account time zone exists in the API). */
    static final ZoneId REPORTING_ZONE = ZoneId.of("UTC");
    /**
     * adAnalytics has no range cap, only a 15,000-element answer cap; at the account pivot a year is 366
     * elements at most.
     */
    static final int MAX_DAYS_PER_REQUEST = 365;

    private static final String URN_PREFIX = "urn:li:sponsoredAccount:";

    private final URI baseUrl;
    private final LinkedInErrors errors;
    private final AuthorizedHttp http;

    LinkedInConnector(WireClient wire, URI baseUrl, String apiVersion, OAuthRefresher tokens) {
        // Retention is UNSURE (commonly cited: ~10 years of performance data); two years are claimed so a
        // backfill never takes days LinkedIn no longer keeps for zero. Restatement: a week. LinkedIn publishes
        // no rate numbers (daily quotas per app and member); 6 requests per 10 s is the pace known to hold.
        super(new ConnectorDescriptor(Platform.LINKEDIN, apiVersion, MAX_DAYS_PER_REQUEST, 730, 7,
                new RateLimit(6, Duration.ofSeconds(10))), tokens);
        this.baseUrl = baseUrl;
        this.errors = new LinkedInErrors(apiVersion);
        this.http = AuthorizedHttp.builder(Platform.LINKEDIN, wire, tokens, errors)
                .header("LinkedIn-Version", apiVersion)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .acceptJson()
                .build();
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        String id = account.valueOn(Platform.LINKEDIN);
        WireResponse response = get("/rest/adAccounts/" + id);
        String requestId = errors.requestId(response);
        JsonNode body = Json.parse(Platform.LINKEDIN, response, requestId);
        try {
            return new AccountInfo(Json.text(body, "currency"), REPORTING_ZONE, Json.text(body, "name"));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.BadResponse(new Details(Platform.LINKEDIN, response.status(), null, requestId,
                    "LinkedIn sent an unusable currency for account " + id + ": " + e.getMessage()));
        }
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        String id = account.valueOn(Platform.LINKEDIN);
        SpendDays days = oneRequestDays(range, info);
        Set<LocalDate> seen = new HashSet<>();
        WireResponse response = get("/rest/adAnalytics?" + analyticsQuery(id, range));
        String requestId = errors.requestId(response);
        days.requestId(requestId);
        JsonNode body = Json.parse(Platform.LINKEDIN, response, requestId);
        for (LinkedInAnalytics.Day day : LinkedInAnalytics.read(body, info.currency(), requestId)) {
            if (!seen.add(day.date())) {
                throw new ConnectorException.BadResponse(new Details(Platform.LINKEDIN, response.status(), null,
                        requestId, "LinkedIn reported " + day.date() + " twice for account " + id));
            }
            days.add(day.date(), day.spend(), requestId);
        }
        if (seen.isEmpty()) {
            // LinkedIn answers "no elements" both for no activity and for an account the token cannot read:
            // only an account it can read makes the zeros true.
            get("/rest/adAccounts/" + id);
        }
        // The dateRange of the query covers the range; LinkedIn sends elements only for days with activity.
        return days.coveredAll().report();
    }

    /** The exact Rest.li 2.0 query of one daily spend request. */
    static String analyticsQuery(String accountId, DateRange window) {
        Map<String, String> dateRange = new LinkedHashMap<>();
        dateRange.put("start", RestLi.date(window.from()));
        dateRange.put("end", RestLi.date(window.to()));
        return "q=analytics"
                + "&pivot=ACCOUNT"
                + "&timeGranularity=DAILY"
                + "&dateRange=" + RestLi.record(dateRange)
                + "&accounts=" + RestLi.list(List.of(RestLi.leaf(URN_PREFIX + accountId)))
                + "&fields=costInLocalCurrency,dateRange";
    }

    /** One GET; a refused token is refreshed once (when a refresh token is configured) and the GET repeated. */
    private WireResponse get(String pathAndQuery) {
        return http.get(URI.create(baseUrl + pathAndQuery));
    }

    @Override
    public String toString() {
        return "LinkedInConnector[" + baseUrl + ", version " + descriptor().apiVersion() + "]";
    }
}
