package com.syncledger.sandbox.reddit;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.HourlySpend;
import com.syncledger.sandbox.Fault;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reddit Ads API v3 on loopback: {@code GET /api/v3/ad_accounts/{id}}, {@code POST /api/v3/ad_accounts/{id}/reports}
 * (body under {@code data}, on-the-hour {@code starts_at}/{@code ends_at}, {@code time_zone_id}, DATE breakdown,
 * spend in integer microcurrency, pages through {@code pagination.next_url} with {@code page.token}), the OAuth
 * token endpoint {@code /api/v1/access_token} (Basic client auth, rotating refresh tokens), Reddit's error
 * envelopes, 429 with {@code x-ratelimit-*} headers, and the refusal of requests without a descriptive User-Agent.
 */
public final class RedditFake extends FakePlatform {

    /** Reddit's default page size is not documented (UNSURE); connectors ask for 100. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The window limit is not documented (UNSURE): 31 days, plus the hours a DST change or half-hour zone adds. */
    public static final Duration MAX_WINDOW = Duration.ofDays(31).plusHours(3);
    public static final int RETENTION_MONTHS = 24;
    public static final long TOKEN_LIFETIME_SECONDS = 86_400;
    public static final int THROTTLE_RESET_SECONDS = 37;

    private static final String MY_BUSINESSES = "/api/v3/me/businesses";
    private static final Pattern BUSINESS_ACCOUNTS = Pattern.compile("/api/v3/businesses/([^/]+)/ad_accounts");
    private static final Pattern ACCOUNT_ID = Pattern.compile("(a2|t2)_[a-z0-9]+");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/api/v3/ad_accounts/([^/]+)");
    private static final Pattern REPORT_PATH = Pattern.compile("/api/v3/ad_accounts/([^/]+)/reports");
    private static final List<String> GENERIC_AGENTS = List.of("java-http-client", "python-requests", "curl/",
            "okhttp", "go-http-client");

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong cursorCounter = new AtomicLong();
    private volatile int userAgentRejectionStatus = 429;
    private volatile String nextUrlOrigin;
    private volatile boolean includeEndsAtBucket;

    public RedditFake() {
        super("reddit", DEFAULT_PAGE_SIZE);
    }

    /** Where a {@code next_url} leads to later pages of one report, and for which request. */
    private record Cursor(String accountId, JsonNode data, int offset) {
    }

    /** A request the real API refuses with 400 and this message. */
    private static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    // ---- settings ----

    /** How requests without a descriptive User-Agent are refused: 429 (default) or 403, both seen from Reddit. */
    public RedditFake rejectGenericUserAgentsWith(int status) {
        if (status != 429 && status != 403) {
            throw new IllegalArgumentException("Reddit refuses generic user agents with 429 or 403");
        }
        this.userAgentRejectionStatus = status;
        return this;
    }

    /** The origin written into {@code next_url}; the real API writes its public host, the fake its own by default. */
    public RedditFake nextUrlOrigin(String origin) {
        this.nextUrlOrigin = origin;
        return this;
    }

    /**
     * Whether {@code ends_at} is inclusive (UNSURE): on, the hour starting at {@code ends_at} is in the report too,
     * so a window ending at a local midnight brings a row for the day after; off (default), hours in
     * [{@code starts_at}, {@code ends_at}).
     */
    public RedditFake includeEndsAtBucket(boolean on) {
        this.includeEndsAtBucket = on;
        return this;
    }

    @Override
    protected String tokenPath() {
        return "/api/v1/access_token";
    }

    /** Reddit's consent page, {@code www.reddit.com/api/v1/authorize}; Reddit documents no PKCE. */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard("/api/v1/authorize", false);
    }

    @Override
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of("scope", "adsread");
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDDIT_AUTHORIZE_URL", baseUrl() + "/api/v1/authorize");
        env.put("REDDIT_BASE_URL", baseUrl().toString());
        env.put("REDDIT_TOKEN_URL", tokenUrl());
        env.put("REDDIT_CLIENT_ID", credentials.clientId());
        env.put("REDDIT_CLIENT_SECRET", credentials.clientSecret());
        env.put("REDDIT_REFRESH_TOKEN", currentRefreshToken());
        env.put("REDDIT_ACCESS_TOKEN", credentials.accessToken());
        return env;
    }

    // ---- serving ----

    @Override
    protected void serve(Call call) {
        String requestId = nextRequestId();
        if (isGeneric(call.header("User-Agent"))) {
            int status = userAgentRejectionStatus;
            call.json(status, Map.of("message", status == 429 ? "Too Many Requests" : "Forbidden", "error", status),
                    "x-request-id", requestId);
            return;
        }
        if (call.path().equals(tokenPath())) {
            serveToken(call);
            return;
        }
        if (call.path().startsWith("/api/v2")) {
            error(call, 410, "Gone: the v2 API was retired, use v3", requestId);
            return;
        }
        if (tokenState(call.bearerToken()) != TokenState.VALID) {
            call.json(401, Map.of("message", "Unauthorized", "error", 401), "x-request-id", requestId);
            return;
        }
        Matcher report = REPORT_PATH.matcher(call.path());
        Matcher account = ACCOUNT_PATH.matcher(call.path());
        Matcher businessAccounts = BUSINESS_ACCOUNTS.matcher(call.path());
        if (call.path().equals(MY_BUSINESSES)) {
            withMethod(call, "GET", requestId, () -> listing(call, reachedAccounts(call, null), true, requestId));
        } else if (businessAccounts.matches()) {
            withMethod(call, "GET", requestId, () -> listing(call,
                    reachedAccounts(call, businessAccounts.group(1)), false, requestId));
        } else if (report.matches()) {
            withMethod(call, "POST", requestId, () -> report(call, report.group(1), requestId));
        } else if (account.matches()) {
            withMethod(call, "GET", requestId, () -> adAccount(call, account.group(1), requestId));
        } else {
            error(call, 404, "The specified resource was not found", requestId);
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        String requestId = nextRequestId();
        switch (fault) {
            case THROTTLE -> call.json(429, Map.of("error", Map.of("code", 429, "message", "Too Many Requests")),
                    "x-request-id", requestId,
                    "x-ratelimit-used", "60",
                    "x-ratelimit-remaining", "0.0",
                    "x-ratelimit-reset", String.valueOf(THROTTLE_RESET_SECONDS));
            case SERVER_ERROR -> error(call, 500, "Internal Server Error", requestId);
            // Success status, wrong shape: neither a report (no data.metrics) nor an account (no currency).
            case MALFORMED -> call.json(200, "{\"data\":{\"rows\":[]},\"pagination\":{\"next_url\":null}}",
                    "x-request-id", requestId);
        }
    }

    /** Reddit wants Basic client auth, answering a wrong client in its own style, and may rotate refresh tokens. */
    private void serveToken(Call call) {
        if (!"POST".equals(call.method())) {
            call.json(405, Map.of("message", "Method Not Allowed", "error", 405));
            return;
        }
        String expected = credentials.clientId() + ":" + credentials.clientSecret();
        String basic = "Basic " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(call.header("Authorization"))) {
            call.json(401, Map.of("message", "Unauthorized", "error", 401));
            return;
        }
        serveTokenRefresh(call, true, TOKEN_LIFETIME_SECONDS);
    }

    /** The token's grant's accounts, by id; those of one business when {@code businessId} is given. */
    private List<FakeAccount> reachedAccounts(Call call, String businessId) {
        FakeGrant grant = grantOf(call.bearerToken());
        return accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .filter(a -> businessId == null || businessId.equals(businessOf(a)))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
    }

    /** The fake's business of an account: one business per account. */
    private static String businessOf(FakeAccount account) {
        return UUID.nameUUIDFromBytes(account.id().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A listing of businesses (one per reached account) or of one business's ad accounts, paged by
     * {@code page.size} and {@code page.token} with {@code pagination.next_url}.
     */
    private void listing(Call call, List<FakeAccount> accounts, boolean businesses, String requestId) {
        int size;
        int start;
        try {
            size = call.query("page.size") == null ? pageSize() : Math.min(pageSize(),
                    Integer.parseInt(call.query("page.size")));
            start = call.query("page.token") == null ? 0 : Integer.parseInt(call.query("page.token"));
        } catch (NumberFormatException e) {
            error(call, 400, "invalid page.size or page.token", requestId);
            return;
        }
        int end = Math.min(start + Math.max(1, size), accounts.size());
        List<Map<String, Object>> data = new ArrayList<>();
        for (FakeAccount account : start < end ? accounts.subList(start, end) : List.<FakeAccount>of()) {
            Map<String, Object> item = new LinkedHashMap<>();
            if (businesses) {
                item.put("id", businessOf(account));
                item.put("name", "Business of " + account.name());
            } else {
                item.put("id", account.id());
                item.put("name", account.name());
                item.put("business_id", businessOf(account));
                item.put("currency", account.currency());
            }
            data.add(item);
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("next_url", end < accounts.size() ? (nextUrlOrigin == null ? baseUrl().toString() : nextUrlOrigin)
                + call.path() + "?page.size=" + size + "&page.token=" + end : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        answer.put("pagination", pagination);
        call.json(200, answer, "x-request-id", requestId);
    }

    private void adAccount(Call call, String id, String requestId) {
        if (!ACCOUNT_ID.matcher(id).matches()) {
            error(call, 400, "invalid ad_account identifier", requestId);
            return;
        }
        FakeAccount account = account(id).orElse(null);
        if (account == null) {
            error(call, 404, "The specified resource was not found", requestId);
            return;
        }
        if (!reaches(call.bearerToken(), account.id())) {
            error(call, 403, "You do not have permission to access this ad account", requestId);
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", account.id());
        data.put("name", account.name());
        data.put("business_id", UUID.nameUUIDFromBytes(account.id().getBytes(StandardCharsets.UTF_8)).toString());
        data.put("currency", account.currency());
        data.put("time_zone_id", account.timeZone().getId());
        call.json(200, Map.of("data", data), "x-request-id", requestId);
    }

    private void report(Call call, String id, String requestId) {
        if (!ACCOUNT_ID.matcher(id).matches()) {
            error(call, 400, "invalid ad_account identifier", requestId);
            return;
        }
        FakeAccount account = account(id).orElse(null);
        if (account == null) {
            call.json(400, Map.of("success", false, "error", Map.of("reason", "BAD_REQUEST",
                    "explanation", "Unknown Ad Account")), "x-request-id", requestId);
            return;
        }
        if (!reaches(call.bearerToken(), account.id())) {
            error(call, 403, "You do not have permission to access this ad account", requestId);
            return;
        }
        try {
            JsonNode body = call.jsonBody();
            JsonNode data = body == null ? null : body.get("data");
            if (data == null || !data.isObject()) {
                throw new Rejected("the request body must be a JSON object with a data object");
            }
            int offset = offset(call, id, data);
            int size = pageSize(call);
            List<Map<String, Object>> rows = rows(account, data);
            int end = size <= 0 ? rows.size() : Math.min(rows.size(), offset + size);
            Map<String, Object> pagination = new LinkedHashMap<>();
            pagination.put("next_url", end < rows.size() ? nextUrl(call, id, data, end, size) : null);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("data", Map.of("metrics", rows.subList(Math.min(offset, end), end)));
            answer.put("pagination", pagination);
            call.json(200, answer, "x-request-id", requestId);
        } catch (Rejected e) {
            error(call, 400, e.getMessage(), requestId);
        }
    }

    /** The report's rows: one per day of {@code time_zone_id} with spend, or one total row without breakdowns. */
    private List<Map<String, Object>> rows(FakeAccount account, JsonNode data) {
        for (String field : strings(data, "fields", true)) {
            if (!"SPEND".equals(field.toUpperCase(Locale.ROOT))) {
                // The fake serves spend only; the real API knows more fields but rejects unknown ones like this.
                throw new Rejected("invalid field: " + field.toLowerCase(Locale.ROOT));
            }
        }
        List<String> breakdowns = strings(data, "breakdowns", false);
        for (String breakdown : breakdowns) {
            if (!"DATE".equals(breakdown.toUpperCase(Locale.ROOT))) {
                throw new Rejected("invalid breakdown: " + breakdown.toLowerCase(Locale.ROOT));
            }
        }
        Instant startsAt = onTheHour(data, "starts_at");
        Instant endsAt = onTheHour(data, "ends_at");
        if (!startsAt.isBefore(endsAt)) {
            throw new Rejected("ends_at must be after starts_at");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_WINDOW) > 0) {
            throw new Rejected("the time range between starts_at and ends_at is too long");
        }
        if (startsAt.isBefore(Instant.now().atOffset(ZoneOffset.UTC).minusMonths(RETENTION_MONTHS).toInstant())) {
            throw new Rejected("starts_at must be within the last " + RETENTION_MONTHS + " months");
        }
        // Without a time_zone_id the account's own zone is used (UNSURE, per a third-party description).
        ZoneId zone = timeZone(data, account.timeZone());
        Instant lastHourEnd = includeEndsAtBucket ? endsAt.plus(Duration.ofHours(1)) : endsAt;
        Map<LocalDate, Long> byDay = HourlySpend.byDay(account, startsAt, lastHourEnd, zone);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (breakdowns.isEmpty()) {
            rows.add(Map.of("spend", byDay.values().stream().mapToLong(Long::longValue).sum()));
        } else {
            byDay.forEach((day, micros) -> rows.add(Map.of("date", day.toString(), "spend", micros)));
        }
        return rows;
    }

    private int offset(Call call, String id, JsonNode data) {
        for (Map.Entry<String, List<String>> param : call.queryParams().entrySet()) {
            if (param.getValue().size() > 1) {
                throw new Rejected("query parameter " + param.getKey() + " given more than once");
            }
        }
        String token = call.query("page.token");
        if (token == null) {
            return 0;
        }
        Cursor cursor = cursors.get(token);
        if (cursor == null || !cursor.accountId().equals(id) || !cursor.data().equals(data)) {
            throw new Rejected("invalid page.token: it must be sent with the same request body");
        }
        return cursor.offset();
    }

    private int pageSize(Call call) {
        String requested = call.query("page.size");
        if (requested == null) {
            return pageSize();
        }
        int size;
        try {
            size = Integer.parseInt(requested);
        } catch (NumberFormatException e) {
            throw new Rejected("invalid page.size: " + requested);
        }
        if (size < 1 || size > 1000) {
            throw new Rejected("page.size must be between 1 and 1000");
        }
        return pageSize() > 0 ? Math.min(size, pageSize()) : size;
    }

    private String nextUrl(Call call, String id, JsonNode data, int offset, int size) {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("cursor:" + cursorCounter.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        cursors.put(token, new Cursor(id, data, offset));
        String origin = nextUrlOrigin != null ? nextUrlOrigin : baseUrl().toString();
        return origin + call.path() + "?page.token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&page.size=" + size;
    }

    // ---- request reading ----

    private static List<String> strings(JsonNode data, String field, boolean required) {
        JsonNode values = data.get(field);
        if (values == null || values.isNull()) {
            if (required) {
                throw new Rejected(field + " is required");
            }
            return List.of();
        }
        if (!values.isArray() || (required && values.isEmpty())) {
            throw new Rejected(field + " must be a" + (required ? " non-empty" : "n") + " array");
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asString()));
        return out;
    }

    /** Reddit answers 400 to timestamps that are not ISO-8601 on the hour. */
    private static Instant onTheHour(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isString()) {
            throw new Rejected(field + " is required");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejected(field + " must be an ISO-8601 timestamp");
        }
        if (instant.getEpochSecond() % 3600 != 0 || instant.getNano() != 0) {
            throw new Rejected(field + " must be on the hour (zero minutes and seconds)");
        }
        return instant;
    }

    private static ZoneId timeZone(JsonNode data, ZoneId accountZone) {
        JsonNode value = data.get("time_zone_id");
        if (value == null || value.isNull()) {
            return accountZone;
        }
        try {
            return ZoneId.of(value.asString());
        } catch (DateTimeException e) {
            throw new Rejected("invalid time_zone_id: " + value.asString());
        }
    }

    private static boolean isGeneric(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return GENERIC_AGENTS.stream().anyMatch(lower::startsWith);
    }

    private static void withMethod(Call call, String method, String requestId, Runnable serve) {
        if (method.equals(call.method())) {
            serve.run();
        } else {
            error(call, 405, "method not allowed", requestId);
        }
    }

    private static void error(Call call, int status, String message, String requestId) {
        call.json(status, Map.of("error", Map.of("code", status, "message", message)), "x-request-id", requestId);
    }
}
