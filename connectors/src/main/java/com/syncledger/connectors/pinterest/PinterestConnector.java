package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import tools.jackson.databind.JsonNode;

/**
 * Pinterest API v5: synchronous ad account analytics with {@code DAY} granularity. Spend comes as
 * {@code SPEND_IN_MICRO_DOLLAR}, micro-units of the account's own currency; days without delivery are left
 * out. The refresh token rotates on every refresh, so each new one is handed on to be kept.
 */
public final class PinterestConnector implements SpendConnector {

    public static final String DEFAULT_BASE_URL = "https://api.pinterest.com";
    public static final String DEFAULT_TOKEN_URL = "https://api.pinterest.com/v5/oauth/token";
    public static final String DEFAULT_API_VERSION = "v5";

    /** At most 90 days per analytics request. */
    static final int MAX_DAYS_PER_REQUEST = 90;
    /**
     * Analytics serve at most 90 days back from today (UTC); right at that edge Pinterest sporadically
     * refuses, so one day is kept clear of it (as other connectors do).
     */
    private static final int RETENTION_DAYS = 89;
    /** Not documented for spend; a week covers the corrections seen on other platforms. */
    private static final int RESTATEMENT_DAYS = 7;
    /** The ads_analytics category at standard access: 300 requests per minute per user and app. */
    private static final RateLimit RATE_LIMIT = RateLimit.perMinute(300);

    private final URI baseUrl;
    private final String apiVersion;
    private final OAuthRefresher tokens;
    private final WireClient wire;

    PinterestConnector(URI baseUrl, String apiVersion, OAuthRefresher tokens, WireClient wire) {
        this.baseUrl = baseUrl;
        this.apiVersion = apiVersion;
        this.tokens = tokens;
        this.wire = wire;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(Platform.PINTEREST, apiVersion, MAX_DAYS_PER_REQUEST, RETENTION_DAYS,
                RESTATEMENT_DAYS, RATE_LIMIT);
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        WireResponse response = get("/ad_accounts/" + account.value());
        JsonNode body = PinterestErrors.successBody(response);
        return PinterestMapper.accountInfo(body, account.value(), PinterestErrors.requestId(response));
    }

    /**
     * Pinterest labels its report dates as UTC days; whether they are cut in the account's zone instead is
     * not documented. The dates are kept as Pinterest sends them.
     */
    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        DateRange part = descriptor().requireOneRequest(range);
        SpendDays days = new SpendDays(Platform.PINTEREST, range, info.currency());
        WireResponse response = get(analyticsPath(account, part));
        JsonNode body = PinterestErrors.successBody(response);
        String requestId = PinterestErrors.requestId(response);
        days.requestId(requestId);
        PinterestMapper.addDailySpend(body, account.value(), part, info.currency(), days, requestId);
        return days.report();
    }

    /** Both dates are inclusive. */
    static String analyticsPath(AccountId account, DateRange part) {
        return "/ad_accounts/" + account.value() + "/analytics?start_date=" + part.from() + "&end_date=" + part.to()
                + "&columns=" + PinterestMapper.SPEND_COLUMN + "&granularity=DAY";
    }

    /** One GET; a 401 is answered once by refreshing the access token and asking again. */
    private WireResponse get(String pathAndQuery) {
        URI uri = URI.create(baseUrl + "/" + apiVersion + pathAndQuery);
        return tokens.withFreshToken(token -> send(uri, token), response -> response.status() == 401);
    }

    private WireResponse send(URI uri, Secret token) {
        return wire.send(Platform.PINTEREST, HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .GET());
    }

    @Override
    public String toString() {
        return "PinterestConnector[" + baseUrl + ", " + apiVersion + "]";
    }
}
