package com.syncledger.sandbox.tiktok;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeConsents;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TikTok API for Business v1.3 as SyncLedger uses it: {@code GET /open_api/v1.3/report/integrated/get/}
 * (daily advertiser report, page/page_size paging) and {@code GET /open_api/v1.3/advertiser/info/}.
 * Like TikTok it answers application errors with HTTP 200 and a non-zero {@code code}, reads parameters
 * only from the query string (JSON arrays for list parameters), wants the token in {@code Access-Token}
 * and cuts days in the advertiser's own time zone. Marketing API tokens have no refresh endpoint.
 */
public final class TikTokFake extends FakePlatform {

    public static final String API_ROOT = "/open_api/v1.3";
    public static final String REPORT_PATH = API_ROOT + "/report/integrated/get/";
    public static final String ADVERTISER_INFO_PATH = API_ROOT + "/advertiser/info/";
    public static final String USER_INFO_PATH = API_ROOT + "/user/info/";
    public static final String ACCESS_TOKEN_PATH = API_ROOT + "/oauth2/access_token/";
    public static final String ADVERTISER_GET_PATH = API_ROOT + "/oauth2/advertiser/get/";
    public static final String AUTHORIZE_PATH = "/portal/auth";

    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_DAILY_RANGE_DAYS = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Set<String> DIMENSIONS = Set.of("advertiser_id", "stat_time_day");
    // The sandbox keeps only spend; other real metrics (impressions, clicks ...) are refused as unknown.
    private static final Set<String> METRICS = Set.of("spend");
    private static final Set<String> INFO_FIELDS = Set.of("advertiser_id", "name", "currency", "timezone",
            "display_timezone");

    /** A scripted envelope error for the next request. */
    private record ScriptedError(long code, String message) {
    }

    private final Deque<ScriptedError> scripted = new ArrayDeque<>();
    private final Set<String> daysWithoutData = ConcurrentHashMap.newKeySet();
    private final AtomicLong requestIds = new AtomicLong();

    private volatile boolean dashForDaysWithoutSpend;

    public TikTokFake() {
        super("tiktok", MAX_PAGE_SIZE);
    }

    /** TikTok Marketing API tokens are long-lived and cannot be refreshed. */
    @Override
    protected String tokenPath() {
        return null;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "TIKTOK_BASE_URL", baseUrl().toString(),
                "TIKTOK_ACCESS_TOKEN", credentials.accessToken(),
                "TIKTOK_AUTHORIZE_URL", baseUrl() + AUTHORIZE_PATH,
                "TIKTOK_APP_ID", credentials.clientId(),
                "TIKTOK_APP_SECRET", credentials.clientSecret());
    }

    /**
     * TikTok's advertiser authorization page, {@code business-api.tiktok.com/portal/auth?app_id=…}: no
     * {@code response_type}, no scope (the app's scopes are set in its settings), no PKCE; the callback carries
     * the code as both {@code auth_code} and {@code code}.
     */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return new AuthorizeEndpoint(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(AUTHORIZE_PATH)),
                "app_id", List.of("auth_code", "code"), false);
    }

    /** The next API request answers HTTP 200 with this envelope code and message. */
    public void answerNextWith(long code, String message) {
        synchronized (scripted) {
            scripted.add(new ScriptedError(code, message));
        }
    }

    /**
     * The other reading of {@code "-"}: every day without delivery comes as a row whose spend is the literal
     * {@code "-"}, instead of being left out.
     */
    public TikTokFake dashForDaysWithoutSpend(boolean on) {
        this.dashForDaysWithoutSpend = on;
        return this;
    }

    /** TikTok reports the literal "-" as this day's spend of the advertiser (a metric without a value). */
    public void reportNoValueOn(String advertiserId, LocalDate day) {
        daysWithoutData.add(advertiserId + "/" + day);
    }

    /** TikTok's request ids start with a UTC timestamp. */
    @Override
    protected String nextRequestId() {
        return REQUEST_ID_TIME.format(Instant.now().atOffset(ZoneOffset.UTC))
                + String.format("%020X", requestIds.incrementAndGet());
    }

    @Override
    protected void serve(Call call) {
        if (call.path().equals(ACCESS_TOKEN_PATH) && "POST".equals(call.method())) {
            serveAccessToken(call);
            return;
        }
        if (call.path().equals(ADVERTISER_GET_PATH) && "GET".equals(call.method())) {
            if (authorized(call)) {
                serveAuthorizedAdvertisers(call);
            }
            return;
        }
        boolean known = call.path().equals(REPORT_PATH) || call.path().equals(ADVERTISER_INFO_PATH)
                || call.path().equals(USER_INFO_PATH);
        if (!known) {
            // Also a path without its trailing slash: TikTok's gateway has no such page.
            call.respond(404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!"GET".equals(call.method())) {
            call.respond(405, "text/plain", "405 method not allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ScriptedError error = nextScripted();
        if (error != null) {
            envelope(call, error.code(), error.message(), Map.of());
            return;
        }
        if (!authorized(call)) {
            return;
        }
        if (call.body() != null && !call.body().isBlank()) {
            invalid(call, "A GET request is read from its query string only; parameters sent in a body are"
                    + " ignored. advertiser_id: Missing data for required field.");
            return;
        }
        try {
            if (call.path().equals(REPORT_PATH)) {
                report(call);
            } else if (call.path().equals(USER_INFO_PATH)) {
                envelope(call, 0, "OK", Map.of("display_name", "Sandbox user", "email", "sandbox@example.com"));
            } else {
                advertiserInfo(call);
            }
        } catch (Rejected rejected) {
            envelope(call, rejected.code, rejected.getMessage(), Map.of());
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        switch (fault) {
            case THROTTLE -> envelope(call, 40100, "Due to too many requests, requests from App"
                    + " [7123456789012345678] are temporarily restricted.", Map.of());
            case SERVER_ERROR -> call.json(500, envelopeBody(50000, "System error.", Map.of()));
            case MALFORMED -> call.json(200, "{\"code\":0,\"message\":\"OK\",\"request_id\":\"" + nextRequestId()
                    + "\",\"data\":{\"list\":[{\"dimensions\":");
        }
    }

    // ---- auth ----

    /**
     * {@code POST /oauth2/access_token/} with JSON {@code app_id}, {@code secret}, {@code auth_code}: a long-term
     * token (no expiry, no refresh token) with the advertisers it reaches. The exchange carries no redirect URI.
     */
    private void serveAccessToken(Call call) {
        JsonNode body = call.jsonBody();
        String appId = body == null ? null : body.path("app_id").asString(null);
        String secret = body == null ? null : body.path("secret").asString(null);
        if (!credentials.clientId().equals(appId) || !credentials.clientSecret().equals(secret)) {
            envelope(call, 40001, "app_id or secret is invalid.", Map.of());
            return;
        }
        FakeConsents.Redeemed redeemed = redeemCodeWithoutRedirect(body.path("auth_code").asString(null));
        if (redeemed.grant() == null) {
            // Codes as TikTok documents them for invalid and expired auth codes (UNSURE of the exact numbers).
            switch (redeemed.refusal()) {
                case EXPIRED_CODE -> envelope(call, 40113, "The auth_code has expired.", Map.of());
                default -> envelope(call, 40110, "The auth_code is invalid or has been used.", Map.of());
            }
            return;
        }
        FakeGrant grant = redeemed.grant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", issueAccessToken(grant));
        data.put("advertiser_ids", reached(grant).stream().map(FakeAccount::id).toList());
        data.put("scope", List.of(4, 5));
        envelope(call, 0, "OK", data);
    }

    /** {@code GET /oauth2/advertiser/get/?app_id&secret}: the advertisers the token's grant reaches (no paging). */
    private void serveAuthorizedAdvertisers(Call call) {
        if (!credentials.clientId().equals(call.query("app_id"))
                || !credentials.clientSecret().equals(call.query("secret"))) {
            envelope(call, 40001, "app_id or secret is invalid.", Map.of());
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (FakeAccount account : reached(grantOf(call.header("Access-Token")))) {
            list.add(Map.of("advertiser_id", account.id(), "advertiser_name", account.name()));
        }
        envelope(call, 0, "OK", Map.of("list", list));
    }

    private List<FakeAccount> reached(FakeGrant grant) {
        return accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
    }

    private boolean authorized(Call call) {
        String token = call.header("Access-Token");
        if (token == null || token.isBlank()) {
            envelope(call, 40104, "Access token is null, you should set it in http header with key Access-Token.",
                    Map.of());
            return false;
        }
        return switch (tokenState(token)) {
            case VALID -> true;
            case EXPIRED -> {
                envelope(call, 40102, "Access token has expired. Please re-authorize.", Map.of());
                yield false;
            }
            case REVOKED, UNKNOWN -> {
                envelope(call, 40105, "Access token is incorrect or has been revoked.", Map.of());
                yield false;
            }
        };
    }

    // ---- report/integrated/get ----

    private void report(Call call) {
        FakeAccount account = advertiser(call, call.query("advertiser_id"));
        require(call, "report_type", "BASIC");
        String serviceType = call.query("service_type");
        if (serviceType != null && !serviceType.equals("AUCTION")) {
            throw invalidParam("service_type: Must be one of: AUCTION.");
        }
        require(call, "data_level", "AUCTION_ADVERTISER");
        List<String> dimensions = jsonList(call, "dimensions");
        if (!DIMENSIONS.containsAll(dimensions) || !dimensions.contains("stat_time_day")) {
            throw invalidParam("dimensions: the sandbox serves [\"stat_time_day\"] with an optional"
                    + " \"advertiser_id\", not " + dimensions + ".");
        }
        // TikTok's default is ["spend","impressions"]; the sandbox has no impressions, so it defaults to spend.
        List<String> metrics = call.query("metrics") == null ? List.of("spend") : jsonList(call, "metrics");
        List<String> unknown = metrics.stream().filter(m -> !METRICS.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw invalidParam("Invalid metric fields: " + unknown.stream().map(m -> "'" + m + "'").toList() + ".");
        }
        LocalDate start = date(call, "start_date");
        LocalDate end = date(call, "end_date");
        if (end.isBefore(start)) {
            throw invalidParam("end_date: end_date must not be earlier than start_date.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAILY_RANGE_DAYS) {
            throw new Rejected(40067, "Your query is too large, please reduce the query size (e.g. fewer metrics"
                    + " or time range) and retry after a while.");
        }
        int page = positiveInt(call, "page", 1, Integer.MAX_VALUE);
        int requestedSize = positiveInt(call, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        // pageSize() lets tests force several pages; TikTok itself honours 1..1000.
        int size = Math.min(requestedSize, Math.max(1, pageSize()));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            BigDecimal total = account.totalOn(day);
            boolean noValue = daysWithoutData.contains(account.id() + "/" + day)
                    || (dashForDaysWithoutSpend && total.signum() == 0);
            if (total.signum() == 0 && !noValue) {
                continue; // days without delivery are omitted, not zero rows
            }
            Map<String, Object> dims = new LinkedHashMap<>();
            if (dimensions.contains("advertiser_id")) {
                dims.put("advertiser_id", account.id());
            }
            dims.put("stat_time_day", day + " 00:00:00");
            rows.add(Map.of("dimensions", dims, "metrics", Map.of("spend", noValue ? "-" : money(total))));
        }
        int from = (int) Math.min((long) (page - 1) * size, rows.size());
        int to = Math.min(from + size, rows.size());
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("page", page);
        pageInfo.put("page_size", size);
        pageInfo.put("total_number", rows.size());
        pageInfo.put("total_page", (rows.size() + size - 1) / size);
        envelope(call, 0, "OK", Map.of("list", rows.subList(from, to), "page_info", pageInfo));
    }

    /** Money as TikTok writes it: a decimal string with (at least) two decimals. */
    private static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }

    // ---- advertiser/info ----

    private void advertiserInfo(Call call) {
        List<String> ids = jsonList(call, "advertiser_ids");
        if (ids.isEmpty() || ids.size() > 100) {
            throw invalidParam("advertiser_ids: Length must be between 1 and 100.");
        }
        List<String> fields = call.query("fields") == null ? List.copyOf(INFO_FIELDS) : jsonList(call, "fields");
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : ids) {
            FakeAccount account = advertiser(call, id);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("advertiser_id", account.id());
            for (String field : fields) {
                switch (field) {
                    case "name" -> entry.put("name", account.name());
                    case "currency" -> entry.put("currency", account.currency());
                    case "timezone" -> entry.put("timezone", offsetZone(account.timeZone()));
                    case "display_timezone" -> entry.put("display_timezone", account.timeZone().getId());
                    case "advertiser_id" -> { }
                    default -> throw invalidParam("fields: Invalid field '" + field + "'.");
                }
            }
            list.add(entry);
        }
        envelope(call, 0, "OK", Map.of("list", list));
    }

    /** TikTok's {@code timezone}: an {@code Etc/GMT±N} zone (POSIX sign) where the offset is whole hours. */
    private static String offsetZone(ZoneId zone) {
        int seconds = zone.getRules().getStandardOffset(Instant.now()).getTotalSeconds();
        if (seconds % 3600 != 0) {
            return zone.getId();
        }
        int hours = -seconds / 3600;
        return hours == 0 ? "Etc/GMT" : "Etc/GMT" + (hours > 0 ? "+" : "") + hours;
    }

    // ---- parameters ----

    private FakeAccount advertiser(Call call, String id) {
        if (id == null || id.isBlank()) {
            throw invalidParam("advertiser_id: Missing data for required field.");
        }
        if (!id.matches("\\d{1,20}")) {
            throw invalidParam("advertiser_id: Not a valid advertiser id: " + id + ".");
        }
        FakeAccount account = account(id).orElseThrow(() -> new Rejected(40300, "Advertiser " + id + " does not exist."));
        if (!reaches(call.header("Access-Token"), account.id())) {
            throw new Rejected(40001, "No permission to operate advertiser " + id + ".");
        }
        return account;
    }

    private static void require(Call call, String name, String expected) {
        String value = call.query(name);
        if (value == null) {
            throw invalidParam(name + ": Missing data for required field.");
        }
        if (!value.equals(expected)) {
            throw invalidParam(name + ": the sandbox serves only " + expected + ", not " + value + ".");
        }
    }

    /** A list parameter: TikTok wants a JSON array in the query string, e.g. {@code ["spend"]}. */
    private static List<String> jsonList(Call call, String name) {
        String raw = call.query(name);
        if (raw == null) {
            throw invalidParam(name + ": Missing data for required field.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (RuntimeException e) {
            node = null;
        }
        if (node == null || !node.isArray()) {
            throw invalidParam(name + ": Not a valid list.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() && !item.isNumber()) {
                throw invalidParam(name + ": Not a valid list of strings.");
            }
            values.add(item.asString());
        }
        return values;
    }

    private static LocalDate date(Call call, String name) {
        String raw = call.query(name);
        if (raw == null) {
            throw invalidParam(name + ": Missing data for required field.");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalidParam(name + ": Not a valid date, expected YYYY-MM-DD.");
        }
    }

    private static int positiveInt(Call call, String name, int fallback, int max) {
        String raw = call.query(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidParam(name + ": Must be between 1 and " + max + ".");
    }

    // ---- answers ----

    private void envelope(Call call, long code, String message, Object data) {
        call.json(200, envelopeBody(code, message, data));
    }

    private Map<String, Object> envelopeBody(long code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", nextRequestId());
        body.put("data", data);
        return body;
    }

    private void invalid(Call call, String message) {
        envelope(call, 40002, message, Map.of());
    }

    private ScriptedError nextScripted() {
        synchronized (scripted) {
            return scripted.poll();
        }
    }

    private static Rejected invalidParam(String message) {
        return new Rejected(40002, message);
    }

    /** A request TikTok refuses with an envelope code. */
    private static final class Rejected extends RuntimeException {
        private final long code;

        Rejected(long code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
