package com.syncledger.connectors.google;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.JsonAnswer;
import com.syncledger.connectors.wire.OAuthConnector;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Ads spend over the REST API: one GAQL query on {@code customer} through
 * {@code googleAds:searchStream} per date range (all rows in one answer, so no paging), with an access token
 * from the OAuth refresh-token grant (Google keeps the refresh token on refresh).
 */
public final class GoogleAdsConnector extends OAuthConnector {

    public static final String DEFAULT_BASE_URL = "https://googleads.googleapis.com";
    public static final String DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token";
    /** Released October 2026; Google's sunset page says "start with v26". */
    public static final String DEFAULT_API_VERSION = "v26";
    public static final String VERSION_VAR = "GOOGLE_ADS_API_VERSION";

    /**
     * Google sets no range limit on GAQL; a year keeps one answer small (365 rows) and a failed call cheap,
     * while one query costs one operation of the daily quota whatever its length.
     */
    static final int MAX_DAYS_PER_REQUEST = 365;
    /** Date-segmented data is kept 37 months; 1123 days is the shortest 37-month span. */
    static final int RETENTION_DAYS = 1123;
    /** Clicks (and so cost) can be corrected for about a month after the day. */
    static final int RESTATEMENT_DAYS = 30;
    /** Explorer access, the lowest production level: 2,880 operations a day. */
    static final RateLimit RATE_LIMIT = new RateLimit(2880, Duration.ofDays(1));

    private static final Platform GOOGLE = Platform.GOOGLE;
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)");
    private static final String ACCOUNT_QUERY = "SELECT customer.id, customer.descriptive_name, "
            + "customer.currency_code, customer.time_zone FROM customer";
    private static final String SPEND_QUERY = "SELECT segments.date, metrics.cost_micros, customer.currency_code, "
            + "customer.time_zone FROM customer WHERE segments.date BETWEEN '%s' AND '%s' ORDER BY segments.date";

    private static final Logger LOG = LoggerFactory.getLogger(GoogleAdsConnector.class);

    private final URI baseUrl;
    private final String apiVersion;
    private final String loginCustomerId;
    private final AuthorizedHttp http;
    /** The same calls without the developer-token header; null when none is configured. */
    private final AuthorizedHttp withoutDeveloperToken;
    /** Set once Google refused the developer-token header; it is left out from then on. */
    private volatile boolean developerTokenRefused;

    GoogleAdsConnector(URI baseUrl, String apiVersion, OAuthRefresher oauth, Secret developerToken,
            String loginCustomerId, WireClient wire) {
        super(new ConnectorDescriptor(GOOGLE, apiVersion, MAX_DAYS_PER_REQUEST, RETENTION_DAYS, RESTATEMENT_DAYS,
                RATE_LIMIT), oauth);
        this.baseUrl = baseUrl;
        this.apiVersion = apiVersion;
        this.loginCustomerId = loginCustomerId;
        // An answer refusing the access token itself gets one refresh and one more try.
        this.http = AuthorizedHttp.builder(GOOGLE, wire, oauth, new GoogleAdsErrors())
                .acceptJson()
                .header("developer-token", developerToken)
                .header("login-customer-id", loginCustomerId)
                .build();
        // Developer tokens were retired in September 2026 and the header is ignored; a later version may refuse
        // it (UNSURE). It carries no access any more, so a call refused for the header alone is sent without it.
        this.withoutDeveloperToken = developerToken == null ? null
                : AuthorizedHttp.builder(GOOGLE, wire, oauth, new GoogleAdsErrors())
                        .acceptJson()
                        .header("login-customer-id", loginCustomerId)
                        .build();
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        return GoogleAdsMapper.accountInfo(searchStream(account, ACCOUNT_QUERY));
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        SpendDays days = oneRequestDays(range, info);
        GoogleAdsMapper.StreamRows rows = searchStream(account, SPEND_QUERY.formatted(range.from(), range.to()));
        days.requestId(rows.requestId());
        GoogleAdsMapper.addSpend(rows, info, days);
        // The query's segments.date BETWEEN covers the range; Google leaves out rows whose metrics are all zero.
        return days.coveredAll().report();
    }

    /**
     * One {@code searchStream} call. An answer refusing the access token itself gets one refresh and one
     * more try; every other failure is thrown as it is.
     */
    private GoogleAdsMapper.StreamRows searchStream(AccountId account, String query) {
        URI uri = URI.create(baseUrl + "/" + apiVersion + "/customers/" + account.valueOn(GOOGLE)
                + "/googleAds:searchStream");
        String body = Json.write(Map.of("query", query));
        JsonAnswer answer;
        if (developerTokenRefused) {
            answer = withoutDeveloperToken.postJson(uri, body);
        } else {
            try {
                answer = http.postJson(uri, body);
            } catch (ConnectorException e) {
                if (withoutDeveloperToken == null || !GoogleAdsErrors.refusesDeveloperToken(e)) {
                    throw e;
                }
                LOG.warn("event=developer_token_refused platform=google code={} request_id={} action=\"sent without"
                        + " the developer-token header from now on; unset GOOGLE_ADS_DEVELOPER_TOKEN\"",
                        e.platformCode(), e.requestId());
                developerTokenRefused = true;
                answer = withoutDeveloperToken.postJson(uri, body);
            }
        }
        return GoogleAdsMapper.rows(answer.body(), answer.response(), answer.requestId());
    }

    /** The manager account id as the header wants it: ten digits, dashes stripped. */
    static String loginCustomerId(String value) {
        try {
            return AccountId.of(GOOGLE, value).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GOOGLE_ADS_LOGIN_CUSTOMER_ID: " + e.getMessage());
        }
    }

    /** Accepts {@code v26} or {@code 26}. */
    static String apiVersion(String value) {
        var m = VERSION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(VERSION_VAR + " must look like v26, got '" + value + "'");
        }
        return "v" + m.group(1);
    }

    @Override
    public String toString() {
        return "GoogleAdsConnector[" + baseUrl + ", " + apiVersion + ", login-customer-id "
                + (loginCustomerId == null ? "none" : loginCustomerId) + "]";
    }
}
