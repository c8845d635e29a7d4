package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.BaseConnector;
import com.syncledger.connectors.wire.JsonAnswer;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.time.Clock;

/**
 * Pinterest API v5: synchronous ad account analytics with {@code DAY} granularity. Spend comes as
 * {@code SPEND_IN_MICRO_DOLLAR}, micro-units of the account's own currency; days without delivery are left
 * out; its days are UTC days. The refresh token rotates on every refresh, so each new one is handed on to be kept.
 */
public final class PinterestConnector extends BaseConnector {

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
    private final AuthorizedHttp http;
    private final PinterestDayZoneCheck dayZoneCheck;

    PinterestConnector(URI baseUrl, String apiVersion, OAuthRefresher tokens, WireClient wire) {
        super(new ConnectorDescriptor(Platform.PINTEREST, apiVersion, MAX_DAYS_PER_REQUEST, RETENTION_DAYS,
                RESTATEMENT_DAYS, RATE_LIMIT));
        this.baseUrl = baseUrl;
        this.http = AuthorizedHttp.builder(Platform.PINTEREST, wire, tokens, new PinterestErrors())
                .acceptJson()
                .build();
        this.dayZoneCheck = new PinterestDayZoneCheck(this::get, Clock.systemUTC());
    }

    /**
     * The account's currency and name, on UTC (the zone its days are cut in). For an account whose own zone is
     * not UTC, the documented UTC days are cross-checked once where Pinterest lets the answer show them
     * ({@link PinterestDayZoneCheck}); a contradiction is a bad response, never shifted days.
     */
    @Override
    public AccountInfo accountInfo(AccountId account) {
        JsonAnswer answer = get("/ad_accounts/" + account.value());
        AccountInfo info = PinterestMapper.accountInfo(answer.body(), account.value(), answer.requestId());
        PinterestMapper.ownTimeZone(answer.body()).ifPresent(zone -> dayZoneCheck.requireUtcDays(account, zone));
        return info;
    }

    /**
     * {@code DATE} buckets are UTC days ({@link PinterestMapper#REPORTING_ZONE}): Pinterest documents its report
     * data as UTC and offers the account's zone only as a beta opt-in, which is not sent here. The dates are kept
     * as Pinterest sends them, and {@link #accountInfo} reports UTC (after its cross-check), so every reading of
     * this spend says its days are UTC days; see docs/connectors/pinterest.md.
     */
    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        SpendDays days = oneRequestDays(range, info);
        JsonAnswer answer = get(analyticsPath(account, range));
        days.requestId(answer.requestId());
        PinterestMapper.addDailySpend(answer.body(), account.value(), range, info.currency(), days, answer.requestId());
        // The analytics answer covers start_date..end_date (end inclusive); days without delivery are left out.
        return days.coveredAll().report();
    }

    /** Both dates are inclusive. */
    static String analyticsPath(AccountId account, DateRange part) {
        return "/ad_accounts/" + account.value() + "/analytics?start_date=" + part.from() + "&end_date=" + part.to()
                + "&columns=" + PinterestMapper.SPEND_COLUMN + "&granularity=DAY";
    }

    /** One GET of the versioned API; a 401 is answered once by refreshing the access token and asking again. */
    private JsonAnswer get(String pathAndQuery) {
        return http.getJson(URI.create(baseUrl + "/" + descriptor().apiVersion() + pathAndQuery));
    }

    @Override
    public String toString() {
        return "PinterestConnector[" + baseUrl + ", " + descriptor().apiVersion() + "]";
    }
}
