package com.syncledger.sandbox.google;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeConsents;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The Google Ads API over REST: {@code POST /v{N}/customers/{id}/googleAds:searchStream} with a GAQL query
 * on {@code customer}, answered as a JSON array of result batches, plus Google's OAuth token endpoint at
 * {@code /token}. Errors use Google's envelope with a {@code GoogleAdsFailure} detail and a
 * {@code request-id} header.
 */
public final class GoogleAdsFake extends FakePlatform {

    /** The {@code retryDelay} a throttled answer carries. */
    public static final String THROTTLE_RETRY_DELAY = "30s";

    private static final Pattern SEARCH_STREAM = Pattern.compile("/(v\\d+)/customers/([^/]*)/googleAds:searchStream");
    private static final Pattern LIST_ACCESSIBLE = Pattern.compile("/(v\\d+)/customers:listAccessibleCustomers");
    private static final Pattern CUSTOMER_ID = Pattern.compile("\\d{1,10}");
    private static final Set<String> REQUEST_FIELDS = Set.of("query", "summaryRowSetting");
    private static final String UNAUTHENTICATED_MESSAGE = "Request had invalid authentication credentials. Expected "
            + "OAuth 2 access token, login cookie or other valid authentication credential. "
            + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";

    private volatile int batchSize = 10_000;
    private volatile String managerId;
    private volatile boolean refuseDeveloperTokenHeader;

    public GoogleAdsFake() {
        super("google", 0); // searchStream has no pages
    }

    /** Rows per stream batch (the real API sends up to 10,000). */
    public GoogleAdsFake batchSize(int rows) {
        this.batchSize = rows;
        return this;
    }

    /**
     * The other reading of the retired developer token: a version that refuses the {@code developer-token}
     * header itself (400 {@code authorizationError.DEVELOPER_TOKEN_PROHIBITED}), right or wrong.
     */
    public GoogleAdsFake refuseDeveloperTokenHeader(boolean on) {
        this.refuseDeveloperTokenHeader = on;
        return this;
    }

    /**
     * The accounts are reached through manager {@code managerId}: requests without a matching
     * {@code login-customer-id} header are refused with {@code USER_PERMISSION_DENIED}.
     */
    public GoogleAdsFake managedBy(String managerId) {
        this.managerId = managerId;
        return this;
    }

    @Override
    protected String tokenPath() {
        return "/token";
    }

    /** Google's consent page, {@code accounts.google.com/o/oauth2/v2/auth}, with PKCE (S256). */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard("/o/oauth2/v2/auth", true);
    }

    @Override
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of("scope", "https://www.googleapis.com/auth/adwords");
    }

    /** Google names a redirect mismatch apart; every other refused code is {@code invalid_grant}. */
    @Override
    protected void refuseCode(Call call, FakeConsents.Refusal refusal) {
        if (refusal == FakeConsents.Refusal.REDIRECT_MISMATCH) {
            call.json(400, Map.of("error", "redirect_uri_mismatch", "error_description", "Bad Request"));
        } else {
            call.json(400, Map.of("error", "invalid_grant", "error_description",
                    refusal == FakeConsents.Refusal.VERIFIER_MISMATCH ? "Invalid code verifier." : "Bad Request"));
        }
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "GOOGLE_AUTHORIZE_URL", baseUrl() + "/o/oauth2/v2/auth",
                "GOOGLE_ADS_BASE_URL", baseUrl().toString(),
                "GOOGLE_TOKEN_URL", tokenUrl(),
                "GOOGLE_ADS_CLIENT_ID", credentials.clientId(),
                "GOOGLE_ADS_CLIENT_SECRET", credentials.clientSecret(),
                "GOOGLE_ADS_REFRESH_TOKEN", credentials.refreshToken(),
                "GOOGLE_ADS_DEVELOPER_TOKEN", credentials.developerToken());
    }

    // ---- serving ----

    @Override
    protected void serve(Call call) {
        if (call.path().equals(tokenPath()) && "POST".equals(call.method())) {
            serveTokenRefresh(call, false, 3599);
            return;
        }
        if (LIST_ACCESSIBLE.matcher(call.path()).matches() && "GET".equals(call.method())) {
            serveAccessibleCustomers(call);
            return;
        }
        Matcher route = SEARCH_STREAM.matcher(call.path());
        if (!route.matches() || !"POST".equals(call.method())) {
            notFoundPage(call);
            return;
        }
        String requestId = nextRequestId();
        if (!authenticated(call, requestId)) {
            return;
        }
        JsonNode body = call.jsonBody();
        if (body == null || !body.isObject()) {
            badPayload(call, requestId, "Invalid JSON payload received. Unexpected token.");
            return;
        }
        for (String field : body.propertyNames()) {
            if (!REQUEST_FIELDS.contains(field)) {
                badPayload(call, requestId, "Invalid JSON payload received. Unknown name \"" + field
                        + "\": Cannot find field.");
                return;
            }
        }
        String developerToken = call.header("developer-token");
        if (developerToken != null && refuseDeveloperTokenHeader) {
            adsError(call, requestId, 400, "INVALID_ARGUMENT", "authorizationError", "DEVELOPER_TOKEN_PROHIBITED",
                    "The developer-token header is no longer accepted; remove it from the request.", null);
            return;
        }
        // Developer tokens were retired in September 2026: none is fine, a wrong one is still refused.
        if (developerToken != null && !developerToken.equals(credentials.developerToken())) {
            adsError(call, requestId, 401, "UNAUTHENTICATED", "authenticationError", "DEVELOPER_TOKEN_INVALID",
                    "The developer token is not valid.", null);
            return;
        }
        String customerId = route.group(2);
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            adsError(call, requestId, 400, "INVALID_ARGUMENT", "requestError", "INVALID_CUSTOMER_ID",
                    "Invalid customer ID '" + customerId + "'.", null);
            return;
        }
        String login = call.header("login-customer-id");
        if (login != null && !CUSTOMER_ID.matcher(login).matches()) {
            adsError(call, requestId, 400, "INVALID_ARGUMENT", "headerError", "INVALID_LOGIN_CUSTOMER_ID",
                    "The login customer ID could not be validated.", null);
            return;
        }
        FakeAccount account = account(customerId).orElse(null);
        if (account == null) {
            adsError(call, requestId, 401, "UNAUTHENTICATED", "authenticationError", "CUSTOMER_NOT_FOUND",
                    "No customer found for the provided customer id.", null);
            return;
        }
        if ((managerId != null && !managerId.equals(login)) || !reaches(call.bearerToken(), customerId)) {
            adsError(call, requestId, 403, "PERMISSION_DENIED", "authorizationError", "USER_PERMISSION_DENIED",
                    "User doesn't have permission to access customer. Note: If you're accessing a client customer, "
                            + "the manager's customer id must be set in the 'login-customer-id' header. See "
                            + "https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid", null);
            return;
        }
        Gaql query;
        try {
            query = Gaql.parse(body.path("query").asString(""));
        } catch (Gaql.QueryError e) {
            adsError(call, requestId, 400, "INVALID_ARGUMENT", "queryError", e.code, e.getMessage(), null);
            return;
        }
        call.json(200, batches(rows(account, query), query, requestId), "request-id", requestId);
    }

    /** The customers the token's grant reaches directly, as resource names; Google does not page this list. */
    private void serveAccessibleCustomers(Call call) {
        String requestId = nextRequestId();
        if (!authenticated(call, requestId)) {
            return;
        }
        FakeGrant grant = grantOf(call.bearerToken());
        List<String> names = accounts().keySet().stream().filter(grant::reaches).sorted()
                .map(id -> "customers/" + id).toList();
        call.json(200, names.isEmpty() ? Map.of() : Map.of("resourceNames", names), "request-id", requestId);
    }

    /** Checks the bearer token; refusals come from Google's front end, so they carry no Google Ads failure. */
    private boolean authenticated(Call call, String requestId) {
        String token = call.bearerToken();
        String reason = switch (tokenState(token)) {
            case VALID -> null;
            case EXPIRED -> "ACCESS_TOKEN_EXPIRED";
            case REVOKED, UNKNOWN -> token == null ? "CREDENTIALS_MISSING" : "ACCESS_TOKEN_INVALID";
        };
        if (reason == null) {
            return true;
        }
        Map<String, Object> errorInfo = new LinkedHashMap<>();
        errorInfo.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        errorInfo.put("reason", reason);
        errorInfo.put("domain", "googleapis.com");
        errorInfo.put("metadata", Map.of("service", "googleads.googleapis.com",
                "method", "google.ads.googleads." + versionIn(call.path()) + ".services.GoogleAdsService.SearchStream"));
        String message = token == null ? "Request is missing required authentication credential. Expected OAuth 2 "
                + "access token, login cookie or other valid authentication credential. "
                + "See https://developers.google.com/identity/sign-in/web/devconsole-project." : UNAUTHENTICATED_MESSAGE;
        call.json(401, Map.of("error", error(401, "UNAUTHENTICATED", message, List.of(errorInfo))),
                "request-id", requestId, "WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
        return false;
    }

    // ---- results ----

    /** Result rows: one per day with cost when segmented by date (zero rows are dropped), else one in all. */
    private static List<Map<String, Object>> rows(FakeAccount account, Gaql query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (query.selects("segments.date")) {
            account.daysBetween(query.since(), query.until()).keySet()
                    .forEach(day -> rows.add(row(account, query, day, account.totalOn(day))));
            if (query.descending()) {
                Collections.reverse(rows);
            }
        } else {
            BigDecimal total = BigDecimal.ZERO;
            if (query.selects("metrics.cost_micros")) {
                LocalDate from = query.since() != null ? query.since() : LocalDate.MIN;
                LocalDate to = query.until() != null ? query.until() : LocalDate.MAX;
                total = account.daysBetween(from, to).keySet().stream().map(account::totalOn)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            rows.add(row(account, query, null, total));
        }
        return query.limit() == null ? rows : rows.subList(0, Math.min(query.limit(), rows.size()));
    }

    private static Map<String, Object> row(FakeAccount account, Gaql query, LocalDate day, BigDecimal cost) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("resourceName", "customers/" + account.id());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer", customer);
        for (String field : query.select()) {
            switch (field) {
                case "customer.id" -> customer.put("id", account.id());
                case "customer.descriptive_name" -> customer.put("descriptiveName", account.name());
                case "customer.currency_code" -> customer.put("currencyCode", account.currency());
                case "customer.time_zone" -> customer.put("timeZone", account.timeZone().getId());
                case "segments.date" -> row.put("segments", Map.of("date", day.toString()));
                // int64 as a JSON string, and left out when zero (proto3 JSON).
                case "metrics.cost_micros" -> row.put("metrics", cost.signum() == 0 ? Map.of()
                        : Map.of("costMicros", cost.movePointRight(6).toBigIntegerExact().toString()));
                default -> {
                }
            }
        }
        return row;
    }

    /** The stream answer: batches of rows, each naming the field mask and request id. */
    private List<Map<String, Object>> batches(List<Map<String, Object>> rows, Gaql query, String requestId) {
        String fieldMask = query.select().stream().map(Gaql.FIELDS::get).collect(Collectors.joining(","));
        List<Map<String, Object>> batches = new ArrayList<>();
        int size = Math.max(1, batchSize);
        for (int start = 0; start < rows.size() || batches.isEmpty(); start += size) {
            Map<String, Object> batch = new LinkedHashMap<>();
            List<Map<String, Object>> results = rows.subList(Math.min(start, rows.size()),
                    Math.min(start + size, rows.size()));
            if (!results.isEmpty()) {
                batch.put("results", results); // proto3 JSON leaves out an empty list
            }
            batch.put("fieldMask", fieldMask);
            batch.put("requestId", requestId);
            batches.add(batch);
        }
        batches.get(batches.size() - 1).put("queryResourceConsumption", String.valueOf(100 + rows.size()));
        return batches;
    }

    // ---- faults and errors ----

    @Override
    protected void fail(Call call, Fault fault) {
        String requestId = nextRequestId();
        switch (fault) {
            case THROTTLE -> adsError(call, requestId, 429, "RESOURCE_EXHAUSTED", "quotaError", "RESOURCE_EXHAUSTED",
                    "Too many requests. Retry in " + THROTTLE_RETRY_DELAY.replace("s", "") + " seconds.",
                    Map.of("quotaErrorDetails", Map.of("rateScope", "DEVELOPER",
                            "rateName", "Number of operations for explorer access", "retryDelay", THROTTLE_RETRY_DELAY)));
            case SERVER_ERROR -> adsError(call, requestId, 500, "INTERNAL", "internalError", "INTERNAL_ERROR",
                    "An internal error has occurred.", null);
            // A stream cut off part-way: a lenient reader would keep the rows before the cut.
            case MALFORMED -> call.respond(200, "application/json", ("[{\"results\":[{\"customer\":{\"resourceName\":"
                    + "\"customers/1\"},\"segments\":{\"date\":\"2026-01-01\"},\"metrics\":{\"costMicros\":\"12")
                    .getBytes(StandardCharsets.UTF_8), "request-id", requestId);
        }
    }

    /**
     * An error from the Google Ads service: the Google envelope with a {@code GoogleAdsFailure} detail.
     * searchStream wraps it in an array (as Airbyte's and others' clients unwrap it; whether every such
     * error comes wrapped is not documented).
     */
    private void adsError(Call call, String requestId, int status, String statusName, String category, String code,
            String message, Map<String, Object> errorDetails) {
        Map<String, Object> adsError = new LinkedHashMap<>();
        adsError.put("errorCode", Map.of(category, code));
        adsError.put("message", message);
        if (errorDetails != null) {
            adsError.put("details", errorDetails);
        }
        String version = versionIn(call.path());
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("@type", "type.googleapis.com/google.ads.googleads." + version + ".errors.GoogleAdsFailure");
        failure.put("errors", List.of(adsError));
        failure.put("requestId", requestId);
        String envelopeMessage = switch (statusName) {
            case "UNAUTHENTICATED" -> "Request is missing required authentication credential. Expected OAuth 2 access "
                    + "token, login cookie or other valid authentication credential. "
                    + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";
            case "PERMISSION_DENIED" -> "The caller does not have permission";
            case "RESOURCE_EXHAUSTED" -> "Resource has been exhausted (e.g. check quota).";
            case "INTERNAL" -> "Internal error encountered.";
            default -> "Request contains an invalid argument.";
        };
        call.json(status, List.of(Map.of("error", error(status, statusName, envelopeMessage, List.of(failure)))),
                "request-id", requestId);
    }

    /** A malformed request body, refused by Google's front end with a {@code BadRequest} detail. */
    private static void badPayload(Call call, String requestId, String message) {
        Map<String, Object> badRequest = Map.of("@type", "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations", List.of(Map.of("description", message)));
        call.json(400, Map.of("error", error(400, "INVALID_ARGUMENT", message, List.of(badRequest))),
                "request-id", requestId);
    }

    private static Map<String, Object> error(int code, String status, String message, List<?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        error.put("details", details);
        return error;
    }

    /** Google's own 404 page for paths it does not serve (an unknown method or a sunset version). */
    private static void notFoundPage(Call call) {
        call.respond(404, "text/html; charset=UTF-8", ("<!DOCTYPE html><html lang=en><title>Error 404 (Not Found)"
                + "</title><p><b>404.</b> <ins>That's an error.</ins><p>The requested URL <code>" + call.path()
                + "</code> was not found on this server. <ins>That's all we know.</ins></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String versionIn(String path) {
        Matcher m = SEARCH_STREAM.matcher(path);
        return m.matches() ? m.group(1) : "v26";
    }
}
