package com.syncledger.sandbox.meta;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeConsents;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API as the Marketing API serves it: {@code GET /v{N}.0/act_{id}} and synchronous
 * {@code GET /v{N}.0/act_{id}/insights} with cursor paging, Graph error envelopes, {@code appsecret_proof}
 * checks and the business-use-case usage headers. Async report runs are not served.
 */
public final class MetaFake extends FakePlatform {

    /** What a throttled answer announces in {@code estimated_time_to_regain_access}. */
    public static final int REGAIN_ACCESS_MINUTES = 5;
    /** Meta's server-side page cap is not documented; the fake caps {@code limit} here. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private static final Pattern NODE = Pattern.compile("/v\\d+\\.\\d+/act_([^/]*)(/insights)?");
    private static final Pattern ACCESS_TOKEN_PATH = Pattern.compile("/v\\d+\\.\\d+/oauth/access_token");
    private static final Pattern AD_ACCOUNTS = Pattern.compile("/v\\d+\\.\\d+/me/adaccounts");
    /** A user token from a code lives about an hour or two; exchanged, about 60 days (Meta's documented figures). */
    public static final long SHORT_LIVED_SECONDS = 5_400;
    public static final long LONG_LIVED_SECONDS = 5_183_944;
    private static final Set<String> ACCOUNT_FIELDS = Set.of("id", "account_id", "name", "currency", "timezone_name",
            "timezone_offset_hours_utc", "account_status");
    private static final Set<String> INSIGHT_FIELDS = Set.of("spend", "account_currency", "account_id",
            "account_name", "date_start", "date_stop");
    private static final Set<String> LEVELS = Set.of("account", "campaign", "adset", "ad");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private volatile boolean requireAppSecretProof = true;
    private volatile URI pagingBase;
    private volatile boolean tokenOnlyAsParameter;

    public MetaFake() {
        super("meta", DEFAULT_PAGE_SIZE);
    }

    /** Like the app setting "Require App Secret": calls without {@code appsecret_proof} are refused. */
    /**
     * The other reading of the token transport: only the {@code access_token} parameter (query or form) is
     * read, as the official SDK sends it; a token only in the {@code Authorization} header is not seen, and the
     * answer is code 104 "An access token is required".
     */
    public MetaFake tokenOnlyAsParameter(boolean on) {
        this.tokenOnlyAsParameter = on;
        return this;
    }

    public MetaFake requireAppSecretProof(boolean required) {
        this.requireAppSecretProof = required;
        return this;
    }

    /**
     * The scheme and host {@code paging.next} links name. The real API always names graph.facebook.com,
     * whatever host the client reached it through; by default the fake names itself.
     */
    public MetaFake pagingBase(URI base) {
        this.pagingBase = base;
        return this;
    }

    @Override
    protected String tokenPath() {
        return null; // Meta has no refresh-token grant
    }

    /**
     * Facebook Login's dialog, {@code www.facebook.com/v{N}.0/dialog/oauth}. PKCE is not read: the server-side
     * flow proves the app by its secret at the exchange.
     */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return new AuthorizeEndpoint(Pattern.compile("/v\\d+\\.\\d+/dialog/oauth"), "client_id", List.of("code"), false);
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "META_AUTHORIZE_URL", baseUrl() + "/v23.0/dialog/oauth",
                "META_CLIENT_ID", credentials.clientId(),
                "META_BASE_URL", baseUrl().toString(),
                "META_ACCESS_TOKEN", credentials.accessToken(),
                "META_APP_SECRET", credentials.clientSecret());
    }

    // ---- serving ----

    @Override
    protected void serve(Call call) {
        Ids ids = new Ids(nextRequestId(), nextRequestId());
        if (ACCESS_TOKEN_PATH.matcher(call.path()).matches() && "GET".equals(call.method())) {
            serveAccessToken(call, ids);
            return;
        }
        String token = accessToken(call);
        if (!authorized(call, token, ids)) {
            return;
        }
        if (AD_ACCOUNTS.matcher(call.path()).matches() && "GET".equals(call.method())) {
            serveAdAccounts(call, ids, grantOf(token));
            return;
        }
        if (call.path().matches("/v\\d+\\.\\d+/me") && "GET".equals(call.method())) {
            // The token's user: what a credential check asks for.
            call.json(200, Map.of("id", "100000000000001"), ids.headers());
            return;
        }
        Matcher node = NODE.matcher(call.path());
        if (!node.matches()) {
            graphError(call, ids, 400, "OAuthException", 2500, 0, "Unknown path components: " + call.path());
            return;
        }
        if (!"GET".equals(call.method())) {
            // POST .../insights starts an async report run on the real API; this fake serves only reads.
            graphError(call, ids, 400, "GraphMethodException", 100, 0,
                    "Unsupported " + call.method().toLowerCase() + " request (async insights are not served here)");
            return;
        }
        FakeAccount account = account(node.group(1)).orElse(null);
        if (account == null || !reaches(token, account.id())) {
            graphError(call, ids, 400, "GraphMethodException", 100, 33, "Unsupported get request. Object with ID 'act_"
                    + node.group(1) + "' does not exist, cannot be loaded due to missing permissions, or does not "
                    + "support this operation. Please read the Graph API documentation at "
                    + "https://developers.facebook.com/docs/graph-api");
            return;
        }
        if (node.group(2) == null) {
            serveAccount(call, ids, account);
        } else {
            serveInsights(call, ids, account);
        }
    }

    /**
     * {@code GET /oauth/access_token}: a code for a short-lived user token (client id and secret, the dialog's
     * redirect URI), or {@code grant_type=fb_exchange_token} for a long-lived one of the same grant.
     */
    private void serveAccessToken(Call call, Ids ids) {
        if (!credentials.clientId().equals(call.query("client_id"))) {
            graphError(call, ids, 400, "OAuthException", 101, 0, "Error validating application. Invalid application ID.");
            return;
        }
        if (!credentials.clientSecret().equals(call.query("client_secret"))) {
            graphError(call, ids, 400, "OAuthException", 1, 0, "Error validating client secret.");
            return;
        }
        FakeGrant grant;
        long lifetime;
        if ("fb_exchange_token".equals(call.query("grant_type"))) {
            String shortLived = call.query("fb_exchange_token");
            if (tokenState(shortLived) != TokenState.VALID) {
                graphError(call, ids, 400, "OAuthException", 190, 0, "Invalid OAuth access token - Cannot parse access token");
                return;
            }
            grant = grantOf(shortLived);
            lifetime = LONG_LIVED_SECONDS;
        } else {
            FakeConsents.Redeemed redeemed = redeemCode(call.query("code"), call.query("redirect_uri"),
                    call.query("code_verifier"));
            if (redeemed.grant() == null) {
                switch (redeemed.refusal()) {
                    case USED_CODE -> graphError(call, ids, 400, "OAuthException", 100, 36009,
                            "This authorization code has been used.");
                    case EXPIRED_CODE -> graphError(call, ids, 400, "OAuthException", 100, 36007,
                            "This authorization code has expired.");
                    case REDIRECT_MISMATCH -> graphError(call, ids, 400, "OAuthException", 100, 36008,
                            "Error validating verification code. Please make sure your redirect_uri is identical to "
                                    + "the one you used in the OAuth dialog request");
                    default -> graphError(call, ids, 400, "OAuthException", 100, 0, "Invalid verification code format.");
                }
                return;
            }
            grant = redeemed.grant();
            lifetime = SHORT_LIVED_SECONDS;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issueAccessToken(grant));
        body.put("token_type", "bearer");
        body.put("expires_in", lifetime);
        call.json(200, body, ids.headers());
    }

    /** {@code GET /me/adaccounts}: the accounts the token's grant reaches, by account id, with cursor paging. */
    private void serveAdAccounts(Call call, Ids ids, FakeGrant grant) {
        List<FakeAccount> reached = accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
        int limit;
        int start;
        try {
            limit = call.query("limit") == null ? 25 : Integer.parseInt(call.query("limit"));
            start = call.query("after") == null ? 0 : offsetAfter(call.query("after"));
            if (limit < 1) {
                throw new IllegalArgumentException("limit");
            }
        } catch (IllegalArgumentException e) {
            graphError(call, ids, 400, "OAuthException", 100, 0,
                    "(#100) limit must be a positive integer and after a cursor from paging");
            return;
        }
        int end = Math.min(start + Math.min(limit, pageSize()), reached.size());
        List<Map<String, Object>> data = new ArrayList<>();
        for (FakeAccount account : start < end ? reached.subList(start, end) : List.<FakeAccount>of()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("account_id", account.id());
            node.put("name", account.name());
            node.put("id", "act_" + account.id());
            data.add(node);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        if (start < end) {
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", cursor(start), "after", cursor(end - 1)));
            if (end < reached.size()) {
                paging.put("next", nextLink(call, cursor(end - 1)));
            }
            body.put("paging", paging);
        }
        call.json(200, body, ids.headers());
    }

    private void serveAccount(Call call, Ids ids, FakeAccount account) {
        List<String> fields = fieldList(call.query("fields"), "id");
        for (String field : fields) {
            if (!ACCOUNT_FIELDS.contains(field)) {
                graphError(call, ids, 400, "OAuthException", 100, 0,
                        "(#100) Tried accessing nonexisting field (" + field + ") on node type (AdAccount)");
                return;
            }
        }
        Map<String, Object> node = new LinkedHashMap<>();
        for (String field : fields) {
            node.put(field, switch (field) {
                case "id" -> "act_" + account.id();
                case "account_id" -> account.id();
                case "name" -> account.name();
                case "currency" -> account.currency();
                case "timezone_name" -> account.timeZone().getId();
                case "timezone_offset_hours_utc" -> BigDecimal.valueOf(
                        ZonedDateTime.now(account.timeZone()).getOffset().getTotalSeconds(), 0)
                        .divide(BigDecimal.valueOf(3600));
                case "account_status" -> 1;
                default -> throw new IllegalStateException(field);
            });
        }
        node.putIfAbsent("id", "act_" + account.id());
        call.json(200, node, ids.headers());
    }

    private void serveInsights(Call call, Ids ids, FakeAccount account) {
        InsightsQuery query;
        try {
            query = InsightsQuery.of(call, account);
        } catch (InvalidParameter e) {
            graphError(call, ids, 400, "OAuthException", e.code, 0, e.getMessage());
            return;
        }
        List<Map<String, Object>> rows = query.rows(account);
        int pageSize = Math.min(query.limit(), pageSize());
        int start = query.offset();
        int end = Math.min(start + pageSize, rows.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", start < end ? rows.subList(start, end) : List.of());
        if (start < end) {
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", cursor(start), "after", cursor(end - 1)));
            if (end < rows.size()) {
                paging.put("next", nextLink(call, cursor(end - 1)));
            }
            body.put("paging", paging);
        }
        call.json(200, body, ids.with(usageHeaders(account.id(), 1, 0)).headers());
    }

    /** The same request with {@code after} moved on; like the real link it leaves out {@code appsecret_proof}. */
    private String nextLink(Call call, String after) {
        Map<String, List<String>> params = new LinkedHashMap<>(call.queryParams());
        params.remove("appsecret_proof");
        params.remove("after");
        params.put("after", List.of(after));
        String query = params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        URI base = pagingBase == null ? baseUrl() : pagingBase;
        return base + call.path() + "?" + query;
    }

    // ---- auth ----

    /** The token from the {@code access_token} parameter, a form field or the Authorization header. */
    private String accessToken(Call call) {
        String token = call.query("access_token");
        if (token == null) {
            token = first(call.formBody(), "access_token");
        }
        String header = call.header("Authorization");
        if (token == null && header != null && !tokenOnlyAsParameter) {
            for (String scheme : List.of("Bearer ", "OAuth ")) {
                if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    token = header.substring(scheme.length()).trim();
                }
            }
        }
        return token;
    }

    private boolean authorized(Call call, String token, Ids ids) {
        if (token == null) {
            graphError(call, ids, 400, "OAuthException", 104, 0, "An access token is required to request this resource.");
            return false;
        }
        switch (tokenState(token)) {
            case VALID -> {
            }
            case EXPIRED -> {
                graphError(call, ids, 400, "OAuthException", 190, 463,
                        "Error validating access token: Session has expired on Tuesday, 03-Nov-26 09:00:00 PST. "
                                + "The current time is Tuesday, 03-Nov-26 10:00:00 PST.");
                return false;
            }
            case REVOKED -> {
                graphError(call, ids, 400, "OAuthException", 190, 458,
                        "Error validating access token: The user has not authorized application 1234567890.");
                return false;
            }
            case UNKNOWN -> {
                graphError(call, ids, 400, "OAuthException", 190, 0, "Invalid OAuth access token - Cannot parse access token");
                return false;
            }
        }
        String proof = call.query("appsecret_proof");
        if (proof == null && requireAppSecretProof) {
            graphError(call, ids, 400, "GraphMethodException", 100, 0,
                    "API calls from the server require an appsecret_proof argument");
            return false;
        }
        if (proof != null && !proof.equals(hmacHex(credentials.clientSecret(), token))) {
            graphError(call, ids, 400, "GraphMethodException", 100, 0,
                    "Invalid appsecret_proof provided in the API argument");
            return false;
        }
        return true;
    }

    private static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- faults and errors ----

    @Override
    protected void fail(Call call, Fault fault) {
        Ids ids = new Ids(nextRequestId(), nextRequestId());
        String accountId = accountIdIn(call.path());
        switch (fault) {
            case THROTTLE -> graphError(call, ids.with(usageHeaders(accountId, 105, REGAIN_ACCESS_MINUTES)), 400,
                    "OAuthException", 80000, 2446079, "(#80000) There have been too many calls from this ad-account. "
                            + "Wait a bit and try again. For more info, please refer to "
                            + "https://developers.facebook.com/docs/graph-api/overview/rate-limiting.");
            case SERVER_ERROR -> {
                Map<String, Object> error = errorBody(ids, "OAuthException", 2, 0,
                        "An unexpected error has occurred. Please retry your request later.");
                error.put("is_transient", true);
                call.json(500, Map.of("error", error), ids.headers());
            }
            // A 200 without the data array: a client that reads "no rows" from it would report zero spend.
            case MALFORMED -> call.json(200, Map.of("paging", Map.of("cursors", Map.of("before", "MAZDZD"))),
                    ids.headers());
        }
    }

    private void graphError(Call call, Ids ids, int status, String type, int code, int subcode, String message) {
        call.json(status, Map.of("error", errorBody(ids, type, code, subcode, message)), ids.headers());
    }

    private static Map<String, Object> errorBody(Ids ids, String type, int code, int subcode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", ids.trace());
        return error;
    }

    /** The usage headers Meta puts on insights answers; {@code percent} 100 and more means throttled. */
    private static Map<String, String> usageHeaders(String accountId, int percent, int regainMinutes) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("type", "ads_insights");
        usage.put("call_count", percent);
        usage.put("total_cputime", Math.min(percent, 40));
        usage.put("total_time", Math.min(percent, 40));
        usage.put("estimated_time_to_regain_access", regainMinutes);
        usage.put("ads_api_access_tier", "standard_access");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-business-use-case-usage", JSON.writeValueAsString(Map.of(accountId, List.of(usage))));
        headers.put("x-fb-ads-insights-throttle", "{\"app_id_util_pct\":" + percent + ",\"acc_id_util_pct\":" + percent + "}");
        headers.put("x-ad-account-usage", "{\"acc_id_util_pct\":" + percent
                + ",\"reset_time_duration\":0,\"ads_api_access_tier\":\"standard_access\"}");
        return headers;
    }

    private static String accountIdIn(String path) {
        Matcher node = NODE.matcher(path);
        return node.matches() ? node.group(1) : "0";
    }

    // ---- helpers ----

    private static List<String> fieldList(String param, String fallback) {
        if (param == null || param.isBlank()) {
            return List.of(fallback);
        }
        return List.of(param.split(",")).stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
    }

    private static String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("row:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetAfter(String after) {
        String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        if (!decoded.startsWith("row:")) {
            throw new IllegalArgumentException(after);
        }
        return Integer.parseInt(decoded.substring(4)) + 1;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Meta's trace id (also {@code fbtrace_id} in error bodies) and request id of one answer. */
    private record Ids(String trace, String request, Map<String, String> extra) {

        Ids(String trace, String request) {
            this(trace, request, Map.of());
        }

        Ids with(Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>(extra);
            all.putAll(headers);
            return new Ids(trace, request, all);
        }

        String[] headers() {
            List<String> pairs = new ArrayList<>(List.of("x-fb-trace-id", trace, "x-fb-request-id", request));
            extra.forEach((k, v) -> {
                pairs.add(k);
                pairs.add(v);
            });
            return pairs.toArray(String[]::new);
        }
    }

    /** A request parameter the Graph API refuses, with the error code it answers. */
    private static final class InvalidParameter extends RuntimeException {
        private final int code;

        InvalidParameter(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The insights parameters this fake understands, validated the way the Graph API does. */
    private record InsightsQuery(LocalDate since, LocalDate until, boolean daily, List<String> fields, int limit,
            int offset) {

        static InsightsQuery of(Call call, FakeAccount account) {
            String level = call.query("level");
            if (level != null && !LEVELS.contains(level)) {
                throw new InvalidParameter(100, "(#100) level must be one of the following values: account, campaign, adset, ad");
            }
            if (level != null && !level.equals("account")) {
                throw new InvalidParameter(100, "(#100) the sandbox serves level=account only");
            }
            if (call.query("date_preset") != null || call.query("time_ranges") != null) {
                throw new InvalidParameter(100, "(#100) the sandbox serves time_range only");
            }
            List<String> fields = fieldList(call.query("fields"), "date_start");
            for (String field : fields) {
                if (!INSIGHT_FIELDS.contains(field)) {
                    throw new InvalidParameter(100, "(#100) " + field + " is not valid for fields param. please check "
                            + "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values");
                }
            }
            LocalDate today = LocalDate.now(account.timeZone());
            LocalDate since = today.minusDays(30);
            LocalDate until = today.minusDays(1);
            String range = call.query("time_range");
            if (range != null) {
                try {
                    JsonNode json = JSON.readTree(range);
                    since = LocalDate.parse(json.path("since").asString(""));
                    until = LocalDate.parse(json.path("until").asString(""));
                } catch (RuntimeException e) {
                    throw new InvalidParameter(100, "(#100) param time_range must be a JSON object with since and "
                            + "until dates in YYYY-MM-DD format");
                }
            }
            if (since.isAfter(until)) {
                throw new InvalidParameter(100, "(#100) time_range: since must be on or before until");
            }
            if (since.isBefore(today.minusMonths(37))) {
                throw new InvalidParameter(3018, "(#3018) The start date of the time range cannot be beyond 37 months "
                        + "from the current date");
            }
            String increment = call.query("time_increment");
            if (increment != null && !increment.equals("1") && !increment.equals("all_days")) {
                throw new InvalidParameter(100, "(#100) the sandbox serves time_increment=1 or all_days only");
            }
            int limit;
            int offset;
            try {
                limit = call.query("limit") == null ? 25 : Integer.parseInt(call.query("limit"));
                offset = call.query("after") == null ? 0 : offsetAfter(call.query("after"));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(100, "(#100) limit must be a positive integer and after a cursor from paging");
            }
            if (limit < 1) {
                throw new InvalidParameter(100, "(#100) limit must be a positive integer");
            }
            return new InsightsQuery(since, until, "1".equals(increment), fields, limit, offset);
        }

        /** One row per day with spend (days without delivery are absent), or one row for the whole range. */
        List<Map<String, Object>> rows(FakeAccount account) {
            List<Map<String, Object>> rows = new ArrayList<>();
            if (daily) {
                account.daysBetween(since, until).keySet()
                        .forEach(day -> rows.add(row(account, day, day, account.totalOn(day))));
            } else {
                BigDecimal total = since.datesUntil(until.plusDays(1)).map(account::totalOn)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.signum() != 0) {
                    rows.add(row(account, since, until, total));
                }
            }
            return rows;
        }

        private Map<String, Object> row(FakeAccount account, LocalDate start, LocalDate stop, BigDecimal spend) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : fields) {
                switch (field) {
                    // Meta prints spend with variable precision: "17" for 17.00, "5339.5".
                    case "spend" -> row.put("spend", spend.stripTrailingZeros().toPlainString());
                    case "account_currency" -> row.put("account_currency", account.currency());
                    case "account_id" -> row.put("account_id", account.id());
                    case "account_name" -> row.put("account_name", account.name());
                    default -> {
                    }
                }
            }
            row.put("date_start", start.toString());
            row.put("date_stop", stop.toString());
            return row;
        }
    }
}
