package com.syncledger.sandbox.amazon;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon Ads API on loopback: Login with Amazon token refresh, {@code GET /v2/profiles}, and the v3
 * asynchronous reports ({@code POST /reporting/reports}, {@code GET /reporting/reports/{id}}), with the report
 * files served from an S3-like pre-signed route on the same server. Reports complete after a set number of
 * polls rather than after a time, so request counts are exact: by default the first poll answers PROCESSING
 * and the second COMPLETED.
 */
public final class AmazonAdsFake extends FakePlatform {

    /** Where the pre-signed report files live, like {@code offline-report-storage-us-east-1-prod} on S3. */
    public static final String STORAGE_PATH = "/offline-report-storage-us-east-1-prod/";
    public static final int MAX_REPORT_DAYS = 31;
    /** How far back the fake serves reports by default (95 days for spCampaigns, second-hand; lenient for SB/SD). */
    public static final int RETENTION_DAYS = 95;

    private static final String CLIENT_ID_HEADER = "Amazon-Advertising-API-ClientId";
    private static final String SCOPE_HEADER = "Amazon-Advertising-API-Scope";
    private static final String CREATE_MEDIA_TYPE = "application/vnd.createasyncreportrequest.v3+json";
    private static final Pattern REPORT_PATH = Pattern.compile("/reporting/reports/([^/]+)");
    private static final Pattern STORAGE_FILE = Pattern.compile(
            Pattern.quote(STORAGE_PATH) + "[^/]+/report-([0-9a-f-]{36})\\.json\\.gz");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final long URL_LIFETIME_SECONDS = 3600;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    // Money goes out as plain JSON numbers, never as 1E+3.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Map<String, FakeReport> reports = new ConcurrentHashMap<>();
    private final Map<String, String> inFlightByBody = new HashMap<>();
    private final Map<AmazonAdProduct, String> failureReasons = new ConcurrentHashMap<>();
    private final Set<String> productsMissing = ConcurrentHashMap.newKeySet();
    private volatile int pollsToFinish = 2;
    private final Map<AmazonAdProduct, Integer> retentionDays = new ConcurrentHashMap<>();
    private volatile int rowsForLastDays = Integer.MAX_VALUE;

    public AmazonAdsFake() {
        super("amazon", 0);
    }

    // ---- scripting ----

    /** The poll of a report that answers COMPLETED (or FAILED): 1 for the first; {@link Integer#MAX_VALUE} for never. */
    public AmazonAdsFake reportsFinishOnPoll(int poll) {
        if (poll < 1) {
            throw new IllegalArgumentException("poll counts from 1");
        }
        this.pollsToFinish = poll;
        return this;
    }

    /** Reports of {@code product} finish as FAILED with {@code reason}; null lets them complete again. */
    public AmazonAdsFake failReports(AmazonAdProduct product, String reason) {
        if (reason == null) {
            failureReasons.remove(product);
        } else {
            failureReasons.put(product, reason);
        }
        return this;
    }

    /**
     * How far back {@code product}'s reports may start (UNSURE for SB and SD); older ones are refused with
     * Amazon's 400 "Report date is too far in the past".
     */
    public AmazonAdsFake retentionDays(AmazonAdProduct product, int days) {
        retentionDays.put(product, days);
        return this;
    }

    /**
     * Reports are accepted as far back as retention allows, but rows come back only for the last {@code days}
     * days, as Amazon once did for Sponsored Products (requests accepted 95 days back, data for 65).
     */
    public AmazonAdsFake rowsOnlyForLastDays(int days) {
        this.rowsForLastDays = days;
        return this;
    }

    /** The profile has no access to {@code product} (a KDP author has no Sponsored Brands). */
    public AmazonAdsFake withoutProduct(String profileId, AmazonAdProduct product) {
        productsMissing.add(profileId + "/" + product);
        return this;
    }

    /** Login with Amazon's consent page, {@code www.amazon.com/ap/oa}, which takes a PKCE challenge (S256). */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard("/ap/oa", true);
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AMAZON_AUTHORIZE_URL", baseUrl() + "/ap/oa");
        env.put("AMAZON_BASE_URL", baseUrl().toString());
        env.put("AMAZON_TOKEN_URL", tokenUrl());
        env.put("AMAZON_CLIENT_ID", credentials.clientId());
        env.put("AMAZON_CLIENT_SECRET", credentials.clientSecret());
        env.put("AMAZON_REFRESH_TOKEN", credentials.refreshToken());
        env.put("AMAZON_ACCESS_TOKEN", credentials.accessToken());
        // Reports here finish by poll count, not by time: there is nothing to wait for.
        env.put("AMAZON_POLL_INTERVAL_MS", "5");
        return env;
    }

    @Override
    protected String tokenPath() {
        return "/auth/o2/token";
    }

    // ---- wire protocol ----

    @Override
    protected void serve(Call call) {
        String path = call.path();
        String method = call.method();
        if (path.equals(tokenPath()) && method.equals("POST")) {
            // Login with Amazon hands back an access token for an hour; the refresh token stays the same.
            serveTokenRefresh(call, false, 3600);
            return;
        }
        if (path.startsWith(STORAGE_PATH) && method.equals("GET")) {
            download(call);
            return;
        }
        String requestId = nextRequestId();
        if (!authenticated(call, requestId)) {
            return;
        }
        Matcher report = REPORT_PATH.matcher(path);
        if (path.equals("/v2/profiles") && method.equals("GET")) {
            profiles(call, requestId);
        } else if (path.equals("/reporting/reports") && method.equals("POST")) {
            create(call, requestId);
        } else if (report.matches() && method.equals("GET")) {
            poll(call, requestId, report.group(1));
        } else {
            error(call, 404, requestId, "404", "detail", "No resource at " + method + " " + path);
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        boolean storage = call.path().startsWith(STORAGE_PATH);
        String requestId = nextRequestId();
        switch (fault) {
            case THROTTLE -> {
                if (storage) {
                    s3Error(call, 503, "SlowDown", "Please reduce your request rate.");
                } else {
                    call.json(429, write(Map.of("code", "429", "detail", "Too Many Requests")),
                            "Retry-After", "2", "x-amzn-RequestId", requestId);
                }
            }
            case SERVER_ERROR -> {
                if (storage) {
                    s3Error(call, 500, "InternalError", "We encountered an internal error. Please try again.");
                } else {
                    error(call, 500, requestId, "500", "detail", "Internal Server Error");
                }
            }
            case MALFORMED -> {
                if (storage) {
                    call.respond(200, "binary/octet-stream",
                            "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
                } else {
                    call.json(200, "{\"reportId\": \"", "x-amzn-RequestId", requestId);
                }
            }
        }
    }

    private boolean authenticated(Call call, String requestId) {
        if (call.header(CLIENT_ID_HEADER) == null) {
            // UNSURE of Amazon's exact wording; the status and envelope are what clients act on.
            error(call, 400, requestId, "400", "details", CLIENT_ID_HEADER + " header is missing");
            return false;
        }
        boolean knownClient = credentials.clientId().equals(call.header(CLIENT_ID_HEADER));
        if (!knownClient || tokenState(call.bearerToken()) != TokenState.VALID) {
            // Amazon answers expired, revoked and unknown tokens alike (UNSURE of the exact body).
            error(call, 401, requestId, "401", "details", "Authentication failed");
            return false;
        }
        return true;
    }

    /** The profile named by the Scope header, or null after answering the refusal. */
    private FakeAccount scopedProfile(Call call, String requestId) {
        String scope = call.header(SCOPE_HEADER);
        if (scope == null || scope.isBlank()) {
            error(call, 400, requestId, "400", "details", "Scope header is missing");
            return null;
        }
        FakeAccount account = DIGITS.matcher(scope).matches() ? account(scope).orElse(null) : null;
        if (account == null || !reaches(call.bearerToken(), account.id())) {
            error(call, 401, requestId, "UNAUTHORIZED", "details", "Not authorized to access scope " + scope);
        }
        return account;
    }

    private void profiles(Call call, String requestId) {
        List<Map<String, Object>> profiles = new ArrayList<>();
        FakeGrant grant = grantOf(call.bearerToken());
        for (FakeAccount account : accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList()) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("marketplaceStringId", "ATVPDKIKX0DER");
            info.put("id", "A" + Long.toString(Math.abs((long) account.id().hashCode()), 36).toUpperCase(Locale.ROOT));
            info.put("type", "seller");
            info.put("name", account.name());
            info.put("validPaymentMethod", true);
            Map<String, Object> profile = new LinkedHashMap<>();
            // A JSON integer, which can exceed 2^53.
            profile.put("profileId", new BigInteger(account.id()));
            profile.put("countryCode", "US");
            profile.put("currencyCode", account.currency());
            profile.put("dailyBudget", new BigDecimal("0.0"));
            profile.put("timezone", account.timeZone().getId());
            profile.put("accountInfo", info);
            profiles.add(profile);
        }
        call.json(200, write(profiles), "x-amzn-RequestId", requestId);
    }

    private void create(Call call, String requestId) {
        String contentType = call.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(CREATE_MEDIA_TYPE)) {
            error(call, 415, requestId, "415", "detail", "Cannot consume content type " + contentType
                    + "; expected " + CREATE_MEDIA_TYPE);
            return;
        }
        FakeAccount account = scopedProfile(call, requestId);
        if (account == null) {
            return;
        }
        JsonNode body = call.jsonBody();
        ReportRequest request;
        try {
            request = ReportRequest.read(body, LocalDate.now(account.timeZone()), retentionDays);
        } catch (IllegalArgumentException e) {
            error(call, 400, requestId, "400", "detail", e.getMessage());
            return;
        }
        if (productsMissing.contains(account.id() + "/" + request.product())) {
            error(call, 400, requestId, "400", "detail", request.product() == AmazonAdProduct.SPONSORED_BRANDS
                    ? "KDP authors do not have access to Sponsored Brands functionality"
                    : "Tactic T00020 is not supported for report API in marketplace A1C3SOZRARQ6R3.");
            return;
        }
        FakeReport report;
        synchronized (inFlightByBody) {
            String key = account.id() + "|" + body;
            FakeReport earlier = reports.get(inFlightByBody.getOrDefault(key, ""));
            if (earlier != null && earlier.inFlight()) {
                error(call, 425, requestId, "425", "detail", "The Request is a duplicate of : " + earlier.id);
                return;
            }
            report = new FakeReport(UUID.randomUUID().toString(), account.id(), key, request.name(),
                    request.product(), request.startDate(), request.endDate(), body.get("configuration"), now());
            reports.put(report.id, report);
            inFlightByBody.put(key, report.id);
        }
        call.json(200, write(describe(report)), "x-amzn-RequestId", requestId);
    }

    private void poll(Call call, String requestId, String reportId) {
        FakeAccount account = scopedProfile(call, requestId);
        if (account == null) {
            return;
        }
        FakeReport report = reports.get(reportId);
        if (report == null || !report.profileId.equals(account.id())) {
            error(call, 404, requestId, "404", "detail", "Report " + reportId + " not found");
            return;
        }
        synchronized (report) {
            if (report.inFlight()) {
                if (report.poll() >= pollsToFinish) {
                    finish(report, account);
                } else {
                    report.processing(now());
                }
            }
        }
        call.json(200, write(describe(report)), "x-amzn-RequestId", requestId);
    }

    private void finish(FakeReport report, FakeAccount account) {
        String reason = failureReasons.get(report.product);
        if (reason != null) {
            report.failed(reason, now());
        } else {
            report.completed(gzip(write(rows(report, account))), now());
        }
        synchronized (inFlightByBody) {
            inFlightByBody.remove(report.dedupeKey, report.id);
        }
    }

    /** The report file: one row per campaign of the report's product and day with spend, requested columns only. */
    private List<Map<String, Object>> rows(FakeReport report, FakeAccount account) {
        LocalDate oldestWithRows = rowsForLastDays == Integer.MAX_VALUE ? LocalDate.MIN
                : LocalDate.now(account.timeZone()).minusDays(rowsForLastDays);
        List<String> columns = new ArrayList<>();
        report.configuration.get("columns").forEach(c -> columns.add(c.asString()));
        List<Map<String, Object>> rows = new ArrayList<>();
        account.daysBetween(report.startDate, report.endDate).forEach((day, campaigns) ->
                campaigns.forEach((campaign, cost) -> {
                    if (AmazonAdProduct.of(campaign) != report.product || day.isBefore(oldestWithRows)) {
                        return;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String column : columns) {
                        row.put(column, switch (column) {
                            case "date" -> day.toString();
                            case "campaignId" -> campaignId(campaign);
                            case "campaignName" -> campaign;
                            case "cost" -> cost;
                            case "campaignBudgetCurrencyCode" -> account.currency();
                            default -> null;
                        });
                    }
                    rows.add(row);
                }));
        return rows;
    }

    /** A numeric campaign id beyond 2^53, as real ones can be. */
    private static long campaignId(String campaign) {
        return 9_100_000_000_000_000L + Math.floorMod(campaign.hashCode(), 1_000_000_000);
    }

    private Map<String, Object> describe(FakeReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", report.id);
        body.put("name", report.name);
        body.put("status", report.status().name());
        body.put("startDate", report.startDate.toString());
        body.put("endDate", report.endDate.toString());
        body.put("configuration", report.configuration);
        body.put("createdAt", report.createdAt.toString());
        body.put("updatedAt", report.updatedAt().toString());
        body.put("generatedAt", report.generatedAt() == null ? null : report.generatedAt().toString());
        byte[] file = report.file();
        body.put("fileSize", file == null ? null : file.length);
        String url = null;
        String urlExpiresAt = null;
        if (report.status() == FakeReport.Status.COMPLETED) {
            Instant issued = now();
            Instant expires = issued.plusSeconds(URL_LIFETIME_SECONDS);
            String signature = HexFormat.of().formatHex(randomBytes());
            report.signed(signature, expires);
            url = baseUrl() + STORAGE_PATH + report.id + "-" + report.createdAt.toEpochMilli() + "/report-" + report.id
                    + ".json.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + AMZ_DATE.format(issued)
                    + "&X-Amz-SignedHeaders=host&X-Amz-Expires=" + URL_LIFETIME_SECONDS
                    + "&X-Amz-Credential=ASIAFAKE%2F" + AMZ_DATE.format(issued).substring(0, 8)
                    + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=" + signature;
            urlExpiresAt = expires.toString();
        }
        body.put("url", url);
        body.put("urlExpiresAt", urlExpiresAt);
        body.put("failureReason", report.failureReason());
        return body;
    }

    /** The S3-like file route: the signature in the URL is the only credential, as with a pre-signed URL. */
    private void download(Call call) {
        if (call.header("Authorization") != null) {
            s3Error(call, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified");
            return;
        }
        Matcher file = STORAGE_FILE.matcher(call.path());
        FakeReport report = file.matches() ? reports.get(file.group(1)) : null;
        if (report == null || report.status() != FakeReport.Status.COMPLETED) {
            s3Error(call, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        Instant expiry = report.signatureExpiry(call.query("X-Amz-Signature"));
        if (expiry == null || !"AWS4-HMAC-SHA256".equals(call.query("X-Amz-Algorithm"))) {
            s3Error(call, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.");
            return;
        }
        if (now().isAfter(expiry)) {
            s3Error(call, 403, "AccessDenied", "Request has expired");
            return;
        }
        // No Content-Encoding: the .json.gz object is served as stored, to be gunzipped by the client.
        call.respond(200, "binary/octet-stream", report.file(), "x-amz-request-id", s3RequestId());
    }

    private void error(Call call, int status, String requestId, String code, String messageField, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put(messageField, message);
        if (messageField.equals("details")) {
            body.put("requestId", requestId);
        }
        call.json(status, write(body), "x-amzn-RequestId", requestId);
    }

    private void s3Error(Call call, int status, String code, String message) {
        String requestId = s3RequestId();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + requestId + "</RequestId><HostId>fake-s3</HostId></Error>";
        call.respond(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8), "x-amz-request-id", requestId);
    }

    private String s3RequestId() {
        return nextRequestId().toUpperCase(Locale.ROOT).replace("-", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A validated create-report body. */
    private record ReportRequest(String name, AmazonAdProduct product, LocalDate startDate, LocalDate endDate) {

        /** @throws IllegalArgumentException with Amazon's 400 detail */
        static ReportRequest read(JsonNode body, LocalDate today, Map<AmazonAdProduct, Integer> retentionDays) {
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("Request body is not valid JSON");
            }
            LocalDate start = date(body, "startDate");
            LocalDate end = date(body, "endDate");
            JsonNode configuration = body.get("configuration");
            if (configuration == null || !configuration.isObject()) {
                throw new IllegalArgumentException("configuration is required");
            }
            AmazonAdProduct product = AmazonAdProduct.named(text(configuration, "adProduct"));
            if (product == null) {
                throw new IllegalArgumentException("Invalid adProduct " + text(configuration, "adProduct"));
            }
            if (!product.reportTypeId().equals(text(configuration, "reportTypeId"))) {
                throw new IllegalArgumentException("Invalid reportTypeId " + text(configuration, "reportTypeId")
                        + " for adProduct " + product);
            }
            String timeUnit = text(configuration, "timeUnit");
            if (!"DAILY".equals(timeUnit) && !"SUMMARY".equals(timeUnit)) {
                throw new IllegalArgumentException("Invalid timeUnit " + timeUnit);
            }
            List<String> groupBy = strings(configuration, "groupBy");
            if (!groupBy.equals(List.of("campaign"))) {
                throw new IllegalArgumentException("Invalid groupBy " + groupBy + " for reportTypeId "
                        + product.reportTypeId());
            }
            List<String> columns = strings(configuration, "columns");
            for (String column : columns) {
                if (!AmazonAdProduct.COLUMNS.contains(column)) {
                    throw new IllegalArgumentException(column + " is not a supported column for reportTypeId "
                            + product.reportTypeId());
                }
            }
            if (columns.contains("date") && !"DAILY".equals(timeUnit)) {
                throw new IllegalArgumentException("date is not a supported column for this time unit");
            }
            if (!"GZIP_JSON".equals(text(configuration, "format"))) {
                throw new IllegalArgumentException("Invalid format " + text(configuration, "format"));
            }
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("endDate must not be before startDate");
            }
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            if (days > MAX_REPORT_DAYS) {
                throw new IllegalArgumentException("startDate to endDate range (" + days
                        + " days) must not exceed maximum range (" + MAX_REPORT_DAYS + " days)");
            }
            int retention = retentionDays.getOrDefault(product, RETENTION_DAYS);
            if (start.isBefore(today.minusDays(retention))) {
                throw new IllegalArgumentException("Report date is too far in the past. Reports are only available for "
                        + retention + " days.");
            }
            String name = text(body, "name");
            return new ReportRequest(name, product, start, end);
        }

        private static LocalDate date(JsonNode body, String field) {
            String text = text(body, field);
            try {
                return LocalDate.parse(String.valueOf(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " must be a date in YYYY-MM-DD format, got " + text);
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || !value.isString() ? null : value.asString();
        }

        private static List<String> strings(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw new IllegalArgumentException(field + " must be an array");
            }
            List<String> result = new ArrayList<>();
            value.forEach(v -> result.add(v.asString()));
            return result;
        }
    }
}
