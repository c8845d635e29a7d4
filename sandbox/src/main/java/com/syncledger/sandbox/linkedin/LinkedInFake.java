package com.syncledger.sandbox.linkedin;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn Marketing API (versioned REST, Rest.li 2.0) as SyncLedger uses it: {@code GET /rest/adAnalytics}
 * (analytics finder, ACCOUNT pivot, DAILY granularity; no paging), {@code GET /rest/adAccounts/{id}} and the
 * OAuth refresh-token grant at {@code /oauth/v2/accessToken}. It requires the {@code LinkedIn-Version} and
 * {@code X-Restli-Protocol-Version: 2.0.0} headers, answers a sunset version with 426, reads the raw query
 * with a Rest.li parser that decodes leaves only, and returns elements only for days with spend.
 *
 * <p>Time zones: LinkedIn ad accounts have no time zone and reporting days are UTC days. The fake keeps
 * the zone a {@link FakeAccount} is given but never reports it; each ground-truth day is served as the UTC
 * day of that date.
 */
public final class LinkedInFake extends FakePlatform {

    public static final String ANALYTICS_PATH = "/rest/adAnalytics";
    public static final String AD_ACCOUNTS_PATH = "/rest/adAccounts/";
    public static final String TOKEN_PATH = "/oauth/v2/accessToken";

    public static final long ACCESS_TOKEN_SECONDS = 5_184_000; // 60 days
    public static final long REFRESH_TOKEN_SECONDS = 31_536_000; // 365 days
    public static final String AUTHORIZE_PATH = "/oauth/v2/authorization";
    private static final String AD_ACCOUNTS_SEARCH = "/rest/adAccounts";

    private static final Pattern VERSION = Pattern.compile("(\\d{6})(\\.\\d{2})?");
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");
    private static final Pattern ACCOUNT_URN = Pattern.compile("urn:li:sponsoredAccount:(\\d{1,19})");
    /** Without {@code fields} LinkedIn returns only these. */
    private static final List<String> DEFAULT_FIELDS = List.of("impressions", "clicks");

    private volatile YearMonth oldestActiveVersion = YearMonth.of(2026, 1);

    public LinkedInFake() {
        super("linkedin", 0); // adAnalytics is not paged
    }

    @Override
    protected String tokenPath() {
        return TOKEN_PATH;
    }

    /** LinkedIn's consent page; its three-legged flow for web apps takes no PKCE. */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard(AUTHORIZE_PATH, false);
    }

    @Override
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of("refresh_token_expires_in", REFRESH_TOKEN_SECONDS, "scope", "r_ads,r_ads_reporting");
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LINKEDIN_AUTHORIZE_URL", baseUrl() + AUTHORIZE_PATH);
        env.put("LINKEDIN_BASE_URL", baseUrl().toString());
        env.put("LINKEDIN_TOKEN_URL", tokenUrl());
        env.put("LINKEDIN_ACCESS_TOKEN", credentials.accessToken());
        env.put("LINKEDIN_REFRESH_TOKEN", credentials.refreshToken());
        env.put("LINKEDIN_CLIENT_ID", credentials.clientId());
        env.put("LINKEDIN_CLIENT_SECRET", credentials.clientSecret());
        return env;
    }

    /** Versions older than {@code yyyymm} are sunset (426); newer ones are active up to the current month. */
    public void oldestActiveVersion(String yyyymm) {
        this.oldestActiveVersion = YearMonth.parse(yyyymm, YYYYMM);
    }

    @Override
    protected void serve(Call call) {
        if (call.path().equals(TOKEN_PATH)) {
            if ("POST".equals(call.method())) {
                // LinkedIn keeps the refresh token (its 365-day life is not extended by refreshing).
                serveTokenRefresh(call, false, ACCESS_TOKEN_SECONDS);
            } else {
                error(call, 405, null, null, "Method not allowed");
            }
            return;
        }
        if (!call.path().startsWith("/rest/")) {
            error(call, 404, null, null, "No virtual resource found");
            return;
        }
        if (!"GET".equals(call.method())) {
            error(call, 405, null, null, "Method not allowed");
            return;
        }
        if (!authorized(call) || !versioned(call)) {
            return;
        }
        if (!"2.0.0".equals(call.header("X-Restli-Protocol-Version"))) {
            error(call, 400, null, "ILLEGAL_ARGUMENT",
                    "Rest.li 2.0 syntax requires the header X-Restli-Protocol-Version: 2.0.0");
            return;
        }
        try {
            if (call.path().equals(ANALYTICS_PATH)) {
                analytics(call);
            } else if (call.path().equals(AD_ACCOUNTS_SEARCH)) {
                searchAdAccounts(call);
            } else if (call.path().startsWith(AD_ACCOUNTS_PATH)) {
                adAccount(call, call.path().substring(AD_ACCOUNTS_PATH.length()));
            } else {
                error(call, 404, null, null, "No virtual resource found");
            }
        } catch (IllegalArgumentException e) {
            error(call, 400, null, "ILLEGAL_ARGUMENT", e.getMessage());
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        switch (fault) {
            // LinkedIn throttles with a bare 429: no Retry-After, no rate-limit headers.
            case THROTTLE -> error(call, 429, 101, null,
                    "Resource level throttle limit for calls to this resource is reached.");
            case SERVER_ERROR -> error(call, 500, null, null, "Internal Server Error");
            case MALFORMED -> call.json(200, "{\"paging\":{\"start\":0,\"count\":10},\"elements\":[{\"costIn",
                    "x-li-uuid", nextRequestId());
        }
    }

    // ---- headers ----

    private boolean authorized(Call call) {
        String token = call.bearerToken();
        if (token == null || token.isBlank()) {
            error(call, 401, 401, null, "Empty oauth2_access_token");
            return false;
        }
        return switch (tokenState(token)) {
            case VALID -> true;
            case EXPIRED -> {
                error(call, 401, 65602, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired");
                yield false;
            }
            case REVOKED -> {
                error(call, 401, 65601, "REVOKED_ACCESS_TOKEN",
                        "The token used in the request has been revoked by the user");
                yield false;
            }
            case UNKNOWN -> {
                error(call, 401, 65600, null, "Invalid access token");
                yield false;
            }
        };
    }

    private boolean versioned(Call call) {
        String version = call.header("LinkedIn-Version");
        if (version == null || version.isBlank()) {
            error(call, 426, null, "VERSION_MISSING",
                    "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
            return false;
        }
        Matcher m = VERSION.matcher(version.trim());
        YearMonth month = null;
        if (m.matches()) {
            try {
                month = YearMonth.parse(m.group(1), YYYYMM);
            } catch (DateTimeException e) {
                month = null;
            }
        }
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        if (month == null || month.isBefore(oldestActiveVersion) || month.isAfter(current)) {
            // LinkedIn renders the version as YYYYMMDD in this message.
            String shown = m.matches() ? m.group(1) + "01" : version;
            error(call, 426, null, "NONEXISTENT_VERSION", "Requested version " + shown + " is not active");
            return false;
        }
        return true;
    }

    // ---- adAccounts/{id} ----

    private void adAccount(Call call, String id) {
        if (!id.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("Invalid ad account id '" + id + "'");
        }
        FakeAccount account = account(id).orElse(null);
        if (account == null) {
            error(call, 404, null, "NOT_FOUND", "Not found: urn:li:sponsoredAccount:" + id);
            return;
        }
        if (!reaches(call.bearerToken(), id)) {
            denied(call, "adAccounts.GET");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.parseLong(id));
        body.put("name", account.name());
        body.put("currency", account.currency());
        body.put("status", "ACTIVE");
        body.put("type", "BUSINESS");
        body.put("reference", "urn:li:organization:1000001");
        body.put("test", false);
        ok(call, body);
    }

    /** LinkedIn's refusal of a member without a role on the account. */
    private void denied(Call call, String method) {
        error(call, 403, 100, "ACCESS_DENIED", "Not enough permissions to access: " + method + ".20260101");
    }

    /**
     * {@code GET /rest/adAccounts?q=search}: the accounts the token's member has a role on, with cursor paging
     * ({@code pageSize}, {@code pageToken}, {@code metadata.nextPageToken}).
     */
    private void searchAdAccounts(Call call) {
        Map<String, String> params = rawParams(call.request().rawQuery());
        if (!"search".equals(params.get("q"))) {
            throw new IllegalArgumentException("The sandbox serves the 'search' finder (q=search) on adAccounts");
        }
        int size = params.containsKey("pageSize") ? Integer.parseInt(params.get("pageSize")) : 100;
        if (pageSize() > 0) {
            size = Math.min(size, pageSize());
        }
        int start = params.containsKey("pageToken") ? Integer.parseInt(params.get("pageToken")) : 0;
        FakeGrant grant = grantOf(call.bearerToken());
        List<FakeAccount> reached = accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(Comparator.comparing(FakeAccount::id)).toList();
        int end = Math.min(start + Math.max(1, size), reached.size());
        List<Map<String, Object>> elements = new ArrayList<>();
        for (FakeAccount account : start < end ? reached.subList(start, end) : List.<FakeAccount>of()) {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("id", Long.parseLong(account.id()));
            element.put("name", account.name());
            element.put("currency", account.currency());
            element.put("status", "ACTIVE");
            elements.add(element);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (end < reached.size()) {
            metadata.put("nextPageToken", String.valueOf(end));
        }
        ok(call, Map.of("elements", elements, "metadata", metadata));
    }

    // ---- adAnalytics ----

    private void analytics(Call call) {
        Map<String, String> params = rawParams(call.request().rawQuery());
        if (!"analytics".equals(params.get("q"))) {
            throw new IllegalArgumentException("The sandbox serves the 'analytics' finder (q=analytics), not q="
                    + params.get("q"));
        }
        requireEnum(params, "pivot", "ACCOUNT");
        requireEnum(params, "timeGranularity", "DAILY");
        Map<?, ?> dateRange = record(params, "dateRange");
        LocalDate start = date(dateRange.get("start"), "dateRange.start");
        LocalDate end = dateRange.containsKey("end") ? date(dateRange.get("end"), "dateRange.end")
                : LocalDate.now(ZoneOffset.UTC);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("dateRange end " + end + " is before its start " + start);
        }
        List<String> accountIds = accounts(params);
        if (accountIds.stream().anyMatch(id -> !reaches(call.bearerToken(), id))) {
            denied(call, "adAnalytics.FINDER-analytics");
            return;
        }
        List<String> fields = params.containsKey("fields") ? fields(params.get("fields")) : DEFAULT_FIELDS;

        List<AccountDay> days = new ArrayList<>();
        for (String id : accountIds) {
            // An account the token cannot read gives no elements, exactly like one without activity.
            account(id).ifPresent(account -> account.daysBetween(start, end).keySet()
                    .forEach(day -> days.add(new AccountDay(id, day, account.totalOn(day)))));
        }
        // LinkedIn does not guarantee an order; newest first keeps clients honest.
        days.sort(Comparator.comparing(AccountDay::day).reversed());
        List<Map<String, Object>> elements = days.stream().map(d -> element(d, fields)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paging", Map.of("start", 0, "count", 10, "links", List.of()));
        body.put("elements", elements);
        ok(call, body);
    }

    /** One account's spend on one (UTC) day. */
    private record AccountDay(String accountId, LocalDate day, BigDecimal spend) {
    }

    /** The projection {@code fields} asks for; the sandbox keeps no impressions, clicks or USD conversion. */
    private static Map<String, Object> element(AccountDay d, List<String> fields) {
        Map<String, Object> element = new LinkedHashMap<>();
        for (String field : fields) {
            switch (field) {
                case "costInLocalCurrency" -> element.put(field, d.spend().toPlainString());
                case "dateRange" -> element.put(field, Map.of("start", dateRecord(d.day()), "end", dateRecord(d.day())));
                case "pivotValues" -> element.put(field, List.of("urn:li:sponsoredAccount:" + d.accountId()));
                default -> { } // a field the sandbox does not keep is left out
            }
        }
        return element;
    }

    private static Map<String, Object> dateRecord(LocalDate day) {
        return Map.of("year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth());
    }

    // ---- Rest.li parameters ----

    /** Splits the raw query on {@code &} and the first {@code =}; values stay encoded for the Rest.li parser. */
    private static Map<String, String> rawParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), pair.substring(eq + 1));
            }
        }
        return params;
    }

    /** An enum given bare ({@code ACCOUNT}) or as an enum record ({@code (value:ACCOUNT)}); both are accepted. */
    private static void requireEnum(Map<String, String> params, String name, String served) {
        Object value = parse(params, name);
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("value")) {
            value = map.get("value");
        }
        if (!served.equals(value)) {
            throw new IllegalArgumentException("Invalid value for param '" + name + "': the sandbox serves " + served);
        }
    }

    private static Map<?, ?> record(Map<String, String> params, String name) {
        if (parse(params, name) instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("Invalid value for param '" + name + "': expected a record");
    }

    private static LocalDate date(Object value, String name) {
        if (value instanceof Map<?, ?> date && date.get("year") instanceof String year
                && date.get("month") instanceof String month && date.get("day") instanceof String day) {
            try {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } catch (NumberFormatException | DateTimeException e) {
                throw new IllegalArgumentException("Invalid date in " + name + ": " + value);
            }
        }
        throw new IllegalArgumentException("Invalid value for " + name + ": expected (year:..,month:..,day:..)");
    }

    private static List<String> accounts(Map<String, String> params) {
        if (!params.containsKey("accounts")) {
            throw new IllegalArgumentException("Parameter 'accounts' is required (or another facet)");
        }
        if (!(parse(params, "accounts") instanceof List<?> urns) || urns.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for param 'accounts': expected List(<account urn>,...)");
        }
        List<String> ids = new ArrayList<>();
        for (Object urn : urns) {
            Matcher m = urn instanceof String s ? ACCOUNT_URN.matcher(s) : null;
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("Invalid value for param 'accounts': '" + urn
                        + "' is not an urn:li:sponsoredAccount URN");
            }
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> fields(String raw) {
        List<String> fields = new ArrayList<>();
        for (String field : raw.split(",")) {
            if (field.isBlank()) {
                throw new IllegalArgumentException("Invalid value for param 'fields': '" + raw + "'");
            }
            fields.add(URLDecoder.decode(field, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Object parse(Map<String, String> params, String name) {
        String raw = params.get(name);
        if (raw == null) {
            throw new IllegalArgumentException("Parameter '" + name + "' is required");
        }
        try {
            return RestLiParser.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for param '" + name + "': " + e.getMessage());
        }
    }

    // ---- answers ----

    private void ok(Call call, Object body) {
        call.json(200, body, "x-li-uuid", nextRequestId());
    }

    private void error(Call call, int status, Integer serviceErrorCode, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (serviceErrorCode != null) {
            body.put("serviceErrorCode", serviceErrorCode);
        }
        if (code != null) {
            body.put("code", code);
        }
        body.put("message", message);
        call.json(status, body, "x-li-uuid", nextRequestId());
    }
}
