package com.syncledger.sandbox.pinterest;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.HourlySpend;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pinterest API v5 on loopback: {@code GET /v5/ad_accounts/{id}}, {@code GET /v5/ad_accounts/{id}/analytics}
 * with {@code DAY} granularity (a bare JSON array, days without spend left out) and the token endpoint
 * {@code POST /v5/oauth/token}, which requires the app's Basic credentials and rotates the refresh token.
 * Analytics reach back at most 90 days from today (UTC) and span at most 90 days; outside that, and for
 * missing or malformed parameters, the answer is a 400 {@code {"code":1,"message":…}}.
 *
 * <p>{@code DATE} buckets are UTC days, the zone Pinterest names for its report dates: an account's ground-truth
 * days are served as they are, whatever its {@code time_zone}. {@link #daysInAccountZone(boolean)} plays the
 * other reading, days cut in the account's own zone. The {@code reporting_timezone} parameter is a closed beta:
 * refused with a 400 unless {@link #reportingTimezoneBeta(boolean)} opens it, and then honoured
 * ({@code PINTEREST_TIME_ZONE}: UTC days, {@code AD_ACCOUNT_TIME_ZONE}: the account zone's days).
 */
public final class PinterestFake extends FakePlatform {

    private static final String AD_ACCOUNTS = "/v5/ad_accounts";
    private static final int DEFAULT_PAGE_SIZE = 25;
    /** Pinterest's code exchange states the refresh token's lifetime (60 days in its examples). */
    public static final long REFRESH_TOKEN_SECONDS = 5_184_000;
    private static final Pattern ACCOUNT = Pattern.compile("/v5/ad_accounts/([^/]+)");
    private static final Pattern ANALYTICS = Pattern.compile("/v5/ad_accounts/([^/]+)/analytics");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d+");
    private static final int MAX_ID_LENGTH = 18;
    private static final long MAX_DAYS_BACK = 90;
    private static final long MAX_SPAN_DAYS = 90;
    private static final Set<String> GRANULARITIES = Set.of("TOTAL", "DAY", "HOUR", "WEEK", "MONTH");
    private static final String MICROS_COLUMN = "SPEND_IN_MICRO_DOLLAR";
    private static final String MAJOR_COLUMN = "SPEND_IN_DOLLAR";
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private volatile boolean daysInAccountZone;
    private volatile boolean reportingTimezoneBeta;

    public PinterestFake() {
        super("pinterest", 0);
    }

    /**
     * The other reading of {@code DATE}: buckets are days of the account's {@code time_zone}. Each ground-truth
     * UTC day is spread over its hours and cut again in the account's zone; nothing in the answer says so.
     */
    public PinterestFake daysInAccountZone(boolean on) {
        this.daysInAccountZone = on;
        return this;
    }

    /** Opens the {@code reporting_timezone} beta to this app: the parameter is honoured instead of refused. */
    public PinterestFake reportingTimezoneBeta(boolean open) {
        this.reportingTimezoneBeta = open;
        return this;
    }

    @Override
    protected String tokenPath() {
        return "/v5/oauth/token";
    }

    /** Pinterest's consent page, {@code www.pinterest.com/oauth/}; Pinterest documents no PKCE. */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return new AuthorizeEndpoint(Pattern.compile("/oauth/?"), "client_id", List.of("code"), false);
    }

    @Override
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of("refresh_token_expires_in", REFRESH_TOKEN_SECONDS, "scope", "ads:read");
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PINTEREST_AUTHORIZE_URL", baseUrl() + "/oauth/");
        env.put("PINTEREST_BASE_URL", baseUrl().toString());
        env.put("PINTEREST_TOKEN_URL", tokenUrl());
        env.put("PINTEREST_APP_ID", credentials.clientId());
        env.put("PINTEREST_APP_SECRET", credentials.clientSecret());
        env.put("PINTEREST_REFRESH_TOKEN", credentials.refreshToken());
        env.put("PINTEREST_ACCESS_TOKEN", credentials.accessToken());
        return env;
    }

    @Override
    protected void serve(Call call) {
        if (call.path().equals(tokenPath())) {
            serveToken(call);
            return;
        }
        if (call.path().equals(AD_ACCOUNTS) && "GET".equals(call.method())) {
            if (authorized(call)) {
                serveAdAccounts(call);
            }
            return;
        }
        Matcher analytics = ANALYTICS.matcher(call.path());
        Matcher account = ACCOUNT.matcher(call.path());
        if (!analytics.matches() && !account.matches()) {
            return; // the base answers 404 for unknown routes
        }
        if (!"GET".equals(call.method())) {
            error(call, 405, 405, "Method Not Allowed");
            return;
        }
        if (!authorized(call)) {
            return;
        }
        Optional<FakeAccount> found = lookUp(call, analytics.matches() ? analytics.group(1) : account.group(1));
        if (found.isEmpty()) {
            return;
        }
        if (!reaches(call.bearerToken(), found.get().id())) {
            error(call, 403, 29, "You are not permitted to access that resource.");
            return;
        }
        if (analytics.matches()) {
            serveAnalytics(call, found.get());
        } else {
            serveAccount(call, found.get());
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        switch (fault) {
            case THROTTLE -> error(call, 429, 8, "This request exceeded a rate limit. This can happen if the client"
                    + " exceeds one of the published rate limits within a short time window.");
            case SERVER_ERROR -> error(call, 500, 500, "Internal Server Error");
            // The paged shape of other endpoints where analytics answer a bare array.
            case MALFORMED -> call.json(200, Map.of("items", List.of(), "bookmark", ""), "x-pinterest-rid",
                    nextRequestId());
        }
    }

    private void serveToken(Call call) {
        if (!"POST".equals(call.method())) {
            error(call, 405, 405, "Method Not Allowed");
            return;
        }
        String auth = call.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            call.json(401, Map.of("error", "invalid_client",
                    "error_description", "Client authentication must use HTTP Basic with the app id and secret"));
            return;
        }
        // Continuous refresh: every refresh issues a new refresh token and the previous one stops working.
        serveTokenRefresh(call, true, 2_592_000);
    }

    /** {@code GET /v5/ad_accounts}: the token's grant's accounts, paged by {@code page_size} and {@code bookmark}. */
    private void serveAdAccounts(Call call) {
        FakeGrant grant = grantOf(call.bearerToken());
        List<FakeAccount> reached = accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
        int size;
        int start;
        try {
            size = pageSize() > 0 ? pageSize()
                    : call.query("page_size") == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(call.query("page_size"));
            start = call.query("bookmark") == null ? 0 : Integer.parseInt(new String(
                    java.util.Base64.getUrlDecoder().decode(call.query("bookmark")), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            invalid(call, "Invalid page_size or bookmark.");
            return;
        }
        int end = Math.min(start + size, reached.size());
        List<Map<String, Object>> items = new ArrayList<>();
        for (FakeAccount account : start < end ? reached.subList(start, end) : List.<FakeAccount>of()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", account.id());
            item.put("name", account.name());
            item.put("currency", account.currency());
            item.put("permissions", List.of("ADMIN"));
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("bookmark", end < reached.size() ? java.util.Base64.getUrlEncoder().encodeToString(
                String.valueOf(end).getBytes(StandardCharsets.UTF_8)) : null);
        call.json(200, body, "x-pinterest-rid", nextRequestId());
    }

    private boolean authorized(Call call) {
        TokenState state = tokenState(call.bearerToken());
        if (state == TokenState.VALID) {
            return true;
        }
        error(call, 401, 2, "Authentication failed.");
        return false;
    }

    private Optional<FakeAccount> lookUp(Call call, String id) {
        if (!ACCOUNT_ID.matcher(id).matches()) {
            error(call, 400, 1, "Invalid parameters. ad_account_id must be numeric");
            return Optional.empty();
        }
        if (id.length() > MAX_ID_LENGTH) {
            error(call, 400, 1, "ad_account_id is too long. The maximum length is " + MAX_ID_LENGTH + " characters.");
            return Optional.empty();
        }
        Optional<FakeAccount> account = account(id);
        if (account.isEmpty()) {
            error(call, 404, 2, "AdAccount not found.");
        }
        return account;
    }

    private void serveAccount(Call call, FakeAccount account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        body.put("name", account.name());
        body.put("owner", Map.of("id", "549755885175", "username", "sandbox_owner"));
        body.put("country", "US");
        body.put("currency", account.currency());
        body.put("permissions", List.of("OWNER"));
        body.put("created_time", 1_672_531_200L);
        body.put("updated_time", 1_705_312_800L);
        body.put("time_zone", account.timeZone().getId());
        call.json(200, body, "x-pinterest-rid", nextRequestId());
    }

    private void serveAnalytics(Call call, FakeAccount account) {
        String startText = call.query("start_date");
        String endText = call.query("end_date");
        String columns = call.query("columns");
        String granularity = call.query("granularity");
        if (startText == null || endText == null || columns == null || columns.isBlank() || granularity == null) {
            invalid(call, "start_date, end_date, columns and granularity are required.");
            return;
        }
        if (!GRANULARITIES.contains(granularity)) {
            invalid(call, "granularity must be one of " + GRANULARITIES + ".");
            return;
        }
        if (!"DAY".equals(granularity)) {
            invalid(call, "This sandbox serves DAY granularity only.");
            return;
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(startText);
            end = LocalDate.parse(endText);
        } catch (DateTimeException e) {
            invalid(call, "start_date and end_date must be YYYY-MM-DD.");
            return;
        }
        LocalDate todayUtc = LocalDate.now(ZoneOffset.UTC);
        if (end.isBefore(start)) {
            invalid(call, "end_date must not be before start_date.");
            return;
        }
        // The exact edge is not documented; today-90 itself is accepted.
        if (start.isBefore(todayUtc.minusDays(MAX_DAYS_BACK))) {
            invalid(call, "You can only get data from the last " + MAX_DAYS_BACK + " days.");
            return;
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_SPAN_DAYS) {
            invalid(call, "end_date cannot be more than " + MAX_SPAN_DAYS + " days past start_date.");
            return;
        }
        String reportingTimezone = call.query("reporting_timezone");
        boolean inAccountZone = daysInAccountZone;
        if (reportingTimezone != null) {
            if (!reportingTimezoneBeta) {
                invalid(call, "reporting_timezone is not available for this app (closed beta).");
                return;
            }
            if (!Set.of("PINTEREST_TIME_ZONE", "AD_ACCOUNT_TIME_ZONE").contains(reportingTimezone)) {
                invalid(call, "reporting_timezone must be PINTEREST_TIME_ZONE or AD_ACCOUNT_TIME_ZONE.");
                return;
            }
            inAccountZone = reportingTimezone.equals("AD_ACCOUNT_TIME_ZONE");
        }
        List<String> wanted = List.of(columns.split(","));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<LocalDate, BigDecimal> spendByDay = new TreeMap<>();
        if (inAccountZone) {
            ZoneId zone = account.timeZone();
            HourlySpend.byDay(account, ZoneOffset.UTC, start.atStartOfDay(zone).toInstant(),
                    end.plusDays(1).atStartOfDay(zone).toInstant(), zone)
                    .forEach((day, micros) -> spendByDay.put(day, BigDecimal.valueOf(micros, 6)));
        } else {
            account.daysBetween(start, end).forEach((day, campaigns) -> spendByDay.put(day,
                    campaigns.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        spendByDay.forEach((day, spend) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("DATE", day.toString());
            row.put("AD_ACCOUNT_ID", account.id());
            if (wanted.contains(MICROS_COLUMN)) {
                row.put(MICROS_COLUMN, spend.multiply(MICROS).longValueExact());
            }
            if (wanted.contains(MAJOR_COLUMN)) {
                row.put(MAJOR_COLUMN, spend);
            }
            rows.add(row);
        });
        call.json(200, rows, "x-pinterest-rid", nextRequestId());
    }

    private void invalid(Call call, String message) {
        error(call, 400, 1, "Invalid ad account analytics parameters. " + message);
    }

    private void error(Call call, int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        call.json(status, body, "x-pinterest-rid", nextRequestId());
    }
}
