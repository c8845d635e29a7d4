package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.OAuthConnector;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import tools.jackson.databind.JsonNode;

/**
 * Snapchat Marketing API: account-level {@code DAY} stats. Days are the ad account's own calendar days, asked
 * for as local midnights with the UTC offset in force on each date; spend comes in integer micros of the
 * account currency. Access tokens live 30 minutes and are renewed with the refresh token, which Snap keeps on
 * refresh.
 */
public final class SnapchatConnector extends OAuthConnector {

    public static final String DEFAULT_BASE_URL = "https://adsapi.snapchat.com";
    public static final String DEFAULT_TOKEN_URL = "https://accounts.snapchat.com/login/oauth2/access_token";
    public static final String DEFAULT_API_VERSION = "v1";

    /**
     * Snap allows 32 days per DAY query. Whether it measures them in calendar days or in 32 x 24 hours is not
     * documented; 31 days stay inside the limit either way, even when a fall-back DST day has 25 hours.
     */
    static final int MAX_DAYS_PER_REQUEST = 31;
    /** Not documented; Snap serves stats back to the account's creation. Kept to three years. */
    private static final int RETENTION_DAYS = 3 * 365;
    /** Snap finalises a day about 48-72 hours after it ends; a week leaves room for late corrections. */
    private static final int RESTATEMENT_DAYS = 7;
    /** Snap's documented budget per access token: 10 requests per second on average. */
    private static final RateLimit RATE_LIMIT = RateLimit.perSecond(10);
    private static final SnapchatErrors ERRORS = new SnapchatErrors();

    private final URI baseUrl;
    private final AuthorizedHttp http;

    SnapchatConnector(URI baseUrl, String apiVersion, OAuthRefresher tokens, WireClient wire) {
        super(new ConnectorDescriptor(Platform.SNAPCHAT, apiVersion, MAX_DAYS_PER_REQUEST, RETENTION_DAYS,
                RESTATEMENT_DAYS, RATE_LIMIT), tokens);
        this.baseUrl = baseUrl;
        this.http = AuthorizedHttp.builder(Platform.SNAPCHAT, wire, tokens, ERRORS).acceptJson().build();
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        JsonNode body = get("/adaccounts/" + account.value());
        return SnapchatMapper.accountInfo(body, account.value(), SnapchatErrors.requestId(body, null));
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        SpendDays days = oneRequestDays(range, info);
        JsonNode body = get(statsPath(account, info.timeZone(), range));
        String requestId = SnapchatErrors.requestId(body, null);
        days.requestId(requestId);
        SnapchatMapper.addDailySpend(body, range, info.timeZone(), info.currency(), days, requestId);
        // The DAY timeseries spans start_time..end_time; without omit_empty Snap sends every day of it.
        return days.coveredAll().report();
    }

    /** end_time is exclusive: the local midnight after the last day. */
    static String statsPath(AccountId account, ZoneId zone, DateRange part) {
        return "/adaccounts/" + account.value() + "/stats?granularity=DAY&fields=spend"
                + "&start_time=" + encode(SnapchatMapper.startOfDay(part.from(), zone))
                + "&end_time=" + encode(SnapchatMapper.startOfDay(part.to().plusDays(1), zone));
    }

    /** Percent-encodes a query value; a bare '+' of a positive offset would arrive as a space. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The body of one GET of the versioned API; a 401 is answered once by refreshing the access token and
     * asking again, and a {@code request_status} other than success is an error too.
     */
    private JsonNode get(String pathAndQuery) {
        return ERRORS.successBody(http.get(URI.create(baseUrl + "/" + descriptor().apiVersion() + pathAndQuery)));
    }

    @Override
    public String toString() {
        return "SnapchatConnector[" + baseUrl + ", " + descriptor().apiVersion() + "]";
    }
}
