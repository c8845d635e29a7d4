package com.syncledger.connectors.reddit;

import com.syncledger.connectors.reddit.RedditWire.Page;
import com.syncledger.connectors.reddit.RedditWire.Row;
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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Daily spend from the Reddit Ads API v3: the account's currency and time zone from
 * {@code GET /api/v3/ad_accounts/{id}}, spend from {@code POST /api/v3/ad_accounts/{id}/reports} with a DATE
 * breakdown in the account's own time zone, every page followed through {@code pagination.next_url}.
 */
public final class RedditConnector extends BaseConnector {

    /** Reddit publishes no maximum window (UNSURE); connectors in the field use 3 to 31 days. */
    static final int MAX_DAYS_PER_REQUEST = 31;
    /**
     * Reports reach back 24 months, measured by Reddit from the instant of the request. 725 days keeps a
     * backfill's first local midnight inside that in every year and every time zone (east of UTC it falls
     * on the previous UTC day).
     */
    static final int RETENTION_DAYS = 725;
    /** Spend settles within hours, but credits move it later; 30 days still fit in one request. */
    static final int RESTATEMENT_DAYS = 30;
    /** The "ads-reporting" budget: 60 requests per minute. */
    static final RateLimit RATE_LIMIT = RateLimit.perMinute(60);

    private static final Platform REDDIT = Platform.REDDIT;

    private final RedditSettings settings;
    private final AuthorizedHttp http;

    RedditConnector(RedditSettings settings, OAuthRefresher tokens, WireClient wire) {
        super(new ConnectorDescriptor(REDDIT, settings.apiVersion(), MAX_DAYS_PER_REQUEST, RETENTION_DAYS,
                RESTATEMENT_DAYS, RATE_LIMIT));
        this.settings = settings;
        // Reddit's expired-token body is not documented (UNSURE): any 401 gets one refresh, if one is possible.
        this.http = AuthorizedHttp.builder(REDDIT, wire, tokens, new RedditErrors())
                .header("User-Agent", settings.userAgent())
                .acceptJson()
                .build();
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        JsonAnswer answer = http.getJson(settings.apiUrl("ad_accounts/" + account.valueOn(REDDIT)));
        return RedditWire.accountInfo(answer.body(), answer.requestId());
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        SpendDays days = oneRequestDays(range, info);
        readWindow(account.valueOn(REDDIT), info, RedditReportWindow.of(range, info.timeZone()), days);
        // The window's hours cover every day of the range; Reddit leaves out days without spend.
        return days.coveredAll().report();
    }

    /** Every page of one window. With a DATE-only breakdown each day comes once; a repeat means a paging fault. */
    private void readWindow(String accountId, AccountInfo info, RedditReportWindow window, SpendDays days) {
        String reportPath = settings.apiPath("ad_accounts/" + accountId + "/reports");
        String body = window.requestBody();
        Set<LocalDate> seenDays = new HashSet<>();
        Set<String> seenPages = new HashSet<>();
        URI url = URI.create(settings.baseUrl() + reportPath);
        while (url != null) {
            JsonAnswer answer = http.postJson(url, body);
            days.requestId(answer.requestId());
            Page page = RedditWire.reportPage(answer.body(), info.currency(), answer.requestId());
            for (Row row : page.rows()) {
                if (!window.days().contains(row.date())) {
                    // A rounding-margin hour, or the bucket starting at ends_at where Reddit includes it.
                    days.add(row.date(), row.spend(), answer.requestId());
                    continue;
                }
                if (!seenDays.add(row.date())) {
                    throw RedditWire.bad(answer.requestId(), "Reddit returned " + row.date()
                            + " twice across report pages");
                }
                days.add(row.date(), row.spend(), answer.requestId());
            }
            url = page.nextUrl() == null ? null : onConfiguredBase(page.nextUrl(), reportPath, answer.requestId());
            if (url != null && !seenPages.add(url.toString())) {
                throw RedditWire.bad(answer.requestId(), "Reddit's pagination returned a page it already sent");
            }
        }
    }

    /**
     * {@code next_url} is absolute on Reddit's public host. Its path must be the same report and its query
     * (page.token, page.size) is kept as sent; the request goes to the configured base URL, so the token never
     * travels anywhere else and nothing is appended twice.
     */
    private URI onConfiguredBase(String nextUrl, String reportPath, String requestId) {
        URI next;
        try {
            next = URI.create(nextUrl);
        } catch (IllegalArgumentException e) {
            throw RedditWire.bad(requestId, "Reddit sent an unreadable pagination.next_url");
        }
        if (!reportPath.equals(next.getRawPath())) {
            throw RedditWire.bad(requestId, "Reddit's pagination.next_url leads to " + next.getRawPath()
                    + ", not to the report " + reportPath);
        }
        return URI.create(settings.baseUrl() + reportPath + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
    }

    @Override
    public String toString() {
        return "RedditConnector[" + settings.baseUrl() + ", api " + settings.apiVersion() + "]";
    }
}
