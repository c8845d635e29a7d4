package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.AccessTokens;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.BaseConnector;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * TikTok API for Business (Marketing API): daily advertiser spend from the synchronous integrated report.
 * Every parameter goes in the query string (JSON arrays for dimensions and metrics) with the token in the
 * {@code Access-Token} header; a GET never carries a body. Marketing API tokens are long-lived and have no
 * refresh flow, so an expired or revoked token is an {@link ConnectorException.Auth} error.
 */
public final class TikTokConnector extends BaseConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TikTokConnector.class);
    private static final TikTokErrors ERRORS = new TikTokErrors();

    public static final String DEFAULT_BASE_URL = "https://business-api.tiktok.com";
    public static final String DEFAULT_API_VERSION = "v1.3";
    public static final String API_VERSION_VAR = "TIKTOK_API_VERSION";

    /** A daily report ({@code stat_time_day}) covers at most 30 days. */
    static final int MAX_DAYS_PER_REQUEST = 30;
    /** The most rows one page may hold; at advertiser level one page covers a whole 30-day window. */
    static final int PAGE_SIZE = 1000;

    private static final String SPEND_DIMENSIONS = "[\"advertiser_id\",\"stat_time_day\"]";
    private static final String SPEND_METRICS = "[\"spend\"]";
    private static final String INFO_FIELDS = "[\"name\",\"currency\",\"timezone\",\"display_timezone\"]";

    private final AuthorizedHttp http;
    private final String apiRoot;

    TikTokConnector(WireClient wire, URI baseUrl, String apiVersion, Secret accessToken) {
        // Retention is not documented in what we have (UNSURE): a year is claimed so a backfill never reads
        // days TikTok no longer keeps as zeros. Restatement: ~3 days of attribution updates.
        // Rate limit: the Basic developer tier, 10 requests per second per app.
        super(new ConnectorDescriptor(Platform.TIKTOK, apiVersion, MAX_DAYS_PER_REQUEST, 365, 3,
                RateLimit.perSecond(10)));
        this.apiRoot = baseUrl + "/open_api/" + apiVersion;
        this.http = AuthorizedHttp.builder(Platform.TIKTOK, wire, AccessTokens.fixed(accessToken), ERRORS)
                .tokenIn("Access-Token")
                .acceptJson()
                .build();
    }

    @Override
    public AccountInfo accountInfo(AccountId account) {
        String id = account.valueOn(Platform.TIKTOK);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_ids", "[\"" + id + "\"]");
        query.put("fields", INFO_FIELDS);
        TikTokErrors.Answer answer = get("/advertiser/info/", query);
        for (JsonNode advertiser : answer.data().path("list")) {
            if (id.equals(Json.text(advertiser, "advertiser_id"))) {
                return info(advertiser, answer.requestId());
            }
        }
        throw new ConnectorException.NotFound(new Details(Platform.TIKTOK, 200, null, answer.requestId(),
                "TikTok does not list advertiser " + id + " for this access token"));
    }

    private static AccountInfo info(JsonNode advertiser, String requestId) {
        // display_timezone is always a tz-database name; timezone may be an Etc/GMT offset zone.
        String zone = Json.text(advertiser, "display_timezone");
        if (zone == null || zone.isBlank()) {
            zone = Json.text(advertiser, "timezone");
        }
        try {
            return new AccountInfo(Json.text(advertiser, "currency"), ZoneId.of(String.valueOf(zone)),
                    Json.text(advertiser, "name"));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ConnectorException.BadResponse(new Details(Platform.TIKTOK, 200, null, requestId,
                    "TikTok sent an unusable currency or time zone for the advertiser: " + e.getMessage()));
        }
    }

    /** {@code GET /user/info/}: the token's user, the cheapest call that needs a working token. */
    @Override
    public void verifyCredentials() {
        get("/user/info/", Map.of());
    }

    @Override
    public SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range) {
        String id = account.valueOn(Platform.TIKTOK);
        SpendDays days = oneRequestDays(range, info);
        Set<LocalDate> seen = new HashSet<>();
        int totalPages = 1;
        for (int page = 1; page <= totalPages; page++) {
            TikTokErrors.Answer answer = get("/report/integrated/get/", reportQuery(id, range, page));
            days.requestId(answer.requestId());
            TikTokReportPage result = TikTokReportPage.read(answer.data(), id, info.currency(), answer.requestId());
            for (TikTokReportPage.Row row : result.rows()) {
                if (!seen.add(row.day())) {
                    throw new ConnectorException.BadResponse(new Details(Platform.TIKTOK, 200, null,
                            answer.requestId(), "TikTok reported " + row.day() + " twice for advertiser " + id));
                }
                days.add(row.day(), row.spend(), answer.requestId());
            }
            // An advertiser-day report cannot have more pages than days; more would be a paging bug.
            totalPages = Math.min(result.totalPages(), range.days());
        }
        // The integrated report covers every day of its start_date..end_date: a day without a row had no delivery.
        return days.coveredAll().report();
    }

    private static Map<String, String> reportQuery(String advertiserId, DateRange window, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", advertiserId);
        query.put("service_type", "AUCTION");
        query.put("report_type", "BASIC");
        // Advertiser level includes both auction and reservation spend of the account.
        query.put("data_level", "AUCTION_ADVERTISER");
        query.put("dimensions", SPEND_DIMENSIONS);
        query.put("metrics", SPEND_METRICS);
        query.put("start_date", window.from().toString());
        query.put("end_date", window.to().toString());
        query.put("page", String.valueOf(page));
        // Without page_size TikTok pages by 10, which would silently cut a 30-day window.
        query.put("page_size", String.valueOf(PAGE_SIZE));
        return query;
    }

    /** One GET with every parameter in the query string and none in a body. */
    private TikTokErrors.Answer get(String path, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        TikTokErrors.Answer answer = ERRORS.unwrap(http.get(URI.create(apiRoot + path + "?" + encoded)));
        if (answer.code() == TikTokErrors.PARTIAL_SUCCESS) {
            LOG.warn("TikTok answered partial success (20001) path={} request_id={}", path, answer.requestId());
        }
        return answer;
    }

    @Override
    public String toString() {
        return "TikTokConnector[" + apiRoot + "]";
    }
}
