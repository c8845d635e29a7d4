package com.syncledger.sandbox.microsoft;

import com.syncledger.sandbox.AuthorizeEndpoint;
import com.syncledger.sandbox.Call;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.HourlySpend;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedExchange;
import com.syncledger.sandbox.RecordedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft Advertising over REST/JSON: Customer Management {@code Account/Query} (GetAccount), the
 * Reporting v13 submit/poll flow for {@code AccountPerformanceReportRequest}, ZIP/CSV downloads from a
 * separate storage host, and the Microsoft identity platform token endpoint, which rotates the refresh
 * token on every refresh. Faults use the REST envelopes {@code AdApiFaultDetail} (auth, throttling),
 * {@code ApiFaultDetail} (reporting validation) and {@code ApiFault} (customer management), each with a
 * {@code TrackingId} in the body and the {@code TrackingId} response header.
 *
 * <p>Reports complete deterministically: each report answers {@code Pending} to its first
 * {@link #pendingPolls(int)} polls (default 1) and {@code Success} after that. A report without rows
 * answers {@code Success} with no download URL, as the real service does.
 */
public final class MicrosoftFake extends FakePlatform {

    /** The customer (manager) id the fake's user belongs to. */
    public static final String CUSTOMER_ID = "150489161";

    static final String SUBMIT_PATH = "/Reporting/v13/GenerateReport/Submit";
    static final String POLL_PATH = "/Reporting/v13/GenerateReport/Poll";
    static final String GET_ACCOUNT_PATH = "/CustomerManagement/v13/Account/Query";
    private static final String TOKEN_PATH = "/common/oauth2/v2.0/token";
    static final String AUTHORIZE_PATH = "/common/oauth2/v2.0/authorize";
    static final String GET_USER_PATH = "/CustomerManagement/v13/User/Query";
    static final String SEARCH_ACCOUNTS_PATH = "/CustomerManagement/v13/Accounts/Search";
    private static final String ACCOUNT_REPORT = "AccountPerformanceReportRequest";
    private static final Set<String> COLUMNS = Set.of(
            "TimePeriod", "AccountId", "AccountName", "AccountNumber", "CurrencyCode", "Spend");
    private static final Set<String> MEASURES = Set.of("Spend");

    private record Report(String customerId, byte[] zip, AtomicInteger pendingLeft, boolean failed) {
    }

    private final ReportStorage storage = new ReportStorage();
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final AtomicLong trackingCounter = new AtomicLong();
    private final AtomicLong reportCounter = new AtomicLong(4_865_212_374L);
    /** The header's zone when days are cut in UTC, in the display form Microsoft writes. */
    static final String UTC_HEADER = "(GMT) Coordinated Universal Time";

    private volatile int pendingPolls = 1;
    private volatile boolean totalRow;
    private volatile boolean thousandsSeparators;
    private volatile boolean reportsFail;
    private volatile boolean daysInUtc;
    private volatile boolean currencyNames;

    /** Microsoft's published enum-style currency names for the ISO codes the sandbox's accounts use. */
    private static final Map<String, String> CURRENCY_NAMES = Map.of(
            "USD", "USDollar", "EUR", "EURO", "JPY", "JapaneseYen", "GBP", "UKPound",
            "CAD", "CanadianDollar", "AUD", "AustralianDollar", "PLN", "PolishZloty", "KRW", "Won",
            "TRY", "TurkishLira", "ZAR", "SouthAfricanRand");

    public MicrosoftFake() {
        super("microsoft", 0);
    }

    @Override
    public synchronized MicrosoftFake start() {
        super.start();
        storage.start();
        return this;
    }

    @Override
    public synchronized void close() {
        storage.close();
        super.close();
    }

    @Override
    protected String tokenPath() {
        return TOKEN_PATH;
    }

    /** The Microsoft identity platform's consent page, with PKCE (S256). */
    @Override
    protected AuthorizeEndpoint authorizeEndpoint() {
        return AuthorizeEndpoint.standard(AUTHORIZE_PATH, true);
    }

    @Override
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of("scope", "https://ads.microsoft.com/msads.manage offline_access");
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICROSOFT_AUTHORIZE_URL", baseUrl() + AUTHORIZE_PATH);
        env.put("MICROSOFT_BASE_URL", baseUrl().toString());
        env.put("MICROSOFT_CUSTOMER_BASE_URL", baseUrl().toString());
        env.put("MICROSOFT_TOKEN_URL", tokenUrl());
        env.put("MICROSOFT_DEVELOPER_TOKEN", credentials.developerToken());
        env.put("MICROSOFT_CUSTOMER_ID", CUSTOMER_ID);
        env.put("MICROSOFT_CLIENT_ID", credentials.clientId());
        env.put("MICROSOFT_CLIENT_SECRET", credentials.clientSecret());
        env.put("MICROSOFT_REFRESH_TOKEN", currentRefreshToken());
        env.put("MICROSOFT_ACCESS_TOKEN", credentials.accessToken());
        // Reports here complete in a poll or two; no need to wait seconds between polls.
        env.put("MICROSOFT_POLL_INTERVAL_MS", "20");
        return env;
    }

    // ---- scripting ----

    /** Each new report answers {@code Pending} to this many polls before {@code Success}. */
    public void pendingPolls(int polls) {
        this.pendingPolls = polls;
    }

    /** Adds a {@code "Total"} row after the data rows of every report. */
    public void totalRow(boolean on) {
        this.totalRow = on;
    }

    /** Writes Spend with thousands separators ({@code "1,234.56"}), as FormatVersion 1.0 might. */
    public void thousandsSeparators(boolean on) {
        this.thousandsSeparators = on;
    }

    /**
     * The documented reading of the report time zone (UNSURE): data "always relative to UTC". On, daily rows are
     * UTC days whatever {@code ReportTimeZone} says, and the header's {@code Time Zone:} says UTC. Off (default),
     * rows are the account's own days and the header echoes the requested zone, as users report.
     */
    public void daysInUtc(boolean on) {
        this.daysInUtc = on;
    }

    /**
     * The other reading of {@code CurrencyCode} (UNSURE): account entities and report rows carry the enum-style
     * name ({@code USDollar}, {@code JapaneseYen}, {@code Euro}) instead of the ISO code.
     */
    public void currencyNames(boolean on) {
        this.currencyNames = on;
    }

    private String currencyCode(FakeAccount account) {
        return currencyNames ? CURRENCY_NAMES.getOrDefault(account.currency(), account.currency()) : account.currency();
    }

    /** New reports end with {@code Status: Error}. */
    public void reportsFail(boolean on) {
        this.reportsFail = on;
    }

    /** Requests to the storage host that serves report downloads. */
    public List<RecordedRequest> downloads() {
        return storage.recorder().requests();
    }

    /** The downloads with their answers; empty unless {@link #recordAnswers} is on. */
    public List<RecordedExchange> downloadExchanges() {
        return storage.recorder().exchanges();
    }

    @Override
    public void clearRequests() {
        super.clearRequests();
        storage.recorder().clear();
    }

    @Override
    public void recordRequests(boolean on) {
        super.recordRequests(on);
        storage.recorder().recordRequests(on);
    }

    @Override
    public void recordAnswers(boolean on) {
        super.recordAnswers(on);
        storage.recorder().recordAnswers(on);
    }

    // ---- wire protocol ----

    @Override
    protected void serve(Call call) {
        String path = call.path();
        if (path.equals(TOKEN_PATH)) {
            serveToken(call);
            return;
        }
        if (!"POST".equals(call.method())) {
            return; // no route: the base answers 404
        }
        String trackingId = nextTrackingId();
        switch (path) {
            case SUBMIT_PATH -> {
                if (authorized(call, trackingId, true)) {
                    submit(call, trackingId);
                }
            }
            case POLL_PATH -> {
                if (authorized(call, trackingId, true)) {
                    poll(call, trackingId);
                }
            }
            case GET_ACCOUNT_PATH -> {
                if (authorized(call, trackingId, false)) {
                    getAccount(call, trackingId);
                }
            }
            case GET_USER_PATH -> {
                if (authorized(call, trackingId, false)) {
                    getUser(call, trackingId);
                }
            }
            case SEARCH_ACCOUNTS_PATH -> {
                if (authorized(call, trackingId, false)) {
                    searchAccounts(call, trackingId);
                }
            }
            default -> {
                // no route: the base answers 404
            }
        }
    }

    @Override
    protected void fail(Call call, Fault fault) {
        String trackingId = nextTrackingId();
        switch (fault) {
            // No Retry-After: whether the service sends one is not documented.
            case THROTTLE -> adApiFault(call, trackingId, 429, 117, "CallRateExceeded",
                    "You have exceeded the number of calls that you are allowed to make in a minute. "
                            + "Please reduce the number of calls that you make per minute.");
            case SERVER_ERROR -> adApiFault(call, trackingId, 500, 0, "InternalError",
                    "An internal error has occurred.");
            case MALFORMED -> call.respond(200, "application/json",
                    "{\"ReportRequestId\":\"48652".getBytes(StandardCharsets.UTF_8), "TrackingId", trackingId);
        }
    }

    private void serveToken(Call call) {
        if (!"POST".equals(call.method())) {
            call.json(405, Map.of("error", "invalid_request", "error_description", "AADSTS900561: POST required."));
            return;
        }
        String scope = first(call.formBody(), "scope");
        if (scope == null || !scope.contains("msads.manage")) {
            call.json(400, Map.of("error", "invalid_scope", "error_description",
                    "AADSTS70011: The provided request must include a 'scope' input parameter."));
            return;
        }
        serveTokenRefresh(call, true, 3600);
    }

    /** The REST headers every call needs; the Reporting service also needs the customer and account. */
    private boolean authorized(Call call, String trackingId, boolean reporting) {
        String token = call.bearerToken();
        String developerToken = call.header("DeveloperToken");
        String customerId = call.header("CustomerId");
        if (token == null || developerToken == null
                || reporting && (customerId == null || call.header("CustomerAccountId") == null)) {
            adApiFault(call, trackingId, 400, 116, "RequestMissingHeaders",
                    "One or more required header elements are missing from the request.");
            return false;
        }
        TokenState state = tokenState(token);
        if (!credentials.developerToken().equals(developerToken)
                || state == TokenState.REVOKED || state == TokenState.UNKNOWN) {
            adApiFault(call, trackingId, 401, 105, "InvalidCredentials",
                    "Authentication failed. Either supplied credentials are invalid or the account is inactive.");
            return false;
        }
        if (state == TokenState.EXPIRED) {
            adApiFault(call, trackingId, 401, 109, "AuthenticationTokenExpired",
                    "Authentication token expired. Please renew it or obtain a new token.");
            return false;
        }
        if (reporting && !CUSTOMER_ID.equals(customerId.trim()) || reporting && !reaches(token,
                call.header("CustomerAccountId").trim())) {
            adApiFault(call, trackingId, 403, 106, "UserIsNotAuthorized",
                    "The user is not authorized to perform this action.");
            return false;
        }
        return true;
    }

    private void getAccount(Call call, String trackingId) {
        JsonNode body = call.jsonBody();
        String accountId = body == null ? null : text(body.get("AccountId"));
        Optional<FakeAccount> account = accountId == null ? Optional.empty() : account(accountId);
        if (account.isEmpty()) {
            // Customer Management faults carry no symbolic ErrorCode.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("Code", 2108);
            error.put("Details", null);
            error.put("Message", "The account identifier is invalid.");
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("TrackingId", trackingId);
            fault.put("BatchErrors", List.of());
            fault.put("OperationErrors", List.of(error));
            fault.put("Type", "ApiFault");
            call.json(400, fault, "TrackingId", trackingId);
            return;
        }
        if (!reaches(call.bearerToken(), account.get().id())) {
            adApiFault(call, trackingId, 403, 106, "UserIsNotAuthorized",
                    "The user is not authorized to perform this action.");
            return;
        }
        call.json(200, Map.of("Account", accountFields(account.get())), "TrackingId", trackingId);
    }

    /** The user of the token's grant: one user per grant. */
    private long userId(String token) {
        return 100_000_000L + Math.floorMod(grantOf(token).label().hashCode(), 900_000_000);
    }

    private void getUser(Call call, String trackingId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Id", userId(call.bearerToken()));
        user.put("UserName", "sandbox-user-" + grantOf(call.bearerToken()).label());
        call.json(200, Map.of("User", user, "CustomerRoles", List.of(Map.of("CustomerId", Long.parseLong(CUSTOMER_ID),
                "RoleId", 41))), "TrackingId", trackingId);
    }

    /**
     * {@code SearchAccounts} with the predicate {@code UserId Equals <id>}: the accounts the user's grant reaches,
     * paged by {@code PageInfo} (Index from 0, Size).
     */
    private void searchAccounts(Call call, String trackingId) {
        JsonNode body = call.jsonBody();
        JsonNode predicate = body == null ? null : body.path("Predicates").path(0);
        JsonNode pageInfo = body == null ? null : body.get("PageInfo");
        if (predicate == null || !"UserId".equals(text(predicate.get("Field")))
                || !String.valueOf(userId(call.bearerToken())).equals(text(predicate.get("Value")))
                || pageInfo == null || !pageInfo.path("Size").isNumber()) {
            apiFault(call, trackingId, 1, "InvalidPredicate",
                    "The sandbox serves SearchAccounts by UserId Equals the caller's user id, with PageInfo.");
            return;
        }
        int size = pageInfo.path("Size").asInt();
        if (pageSize() > 0) {
            size = Math.min(size, pageSize());
        }
        int start = pageInfo.path("Index").asInt(0) * size;
        FakeGrant grant = grantOf(call.bearerToken());
        List<FakeAccount> reached = accounts().values().stream().filter(a -> grant.reaches(a.id()))
                .sorted(java.util.Comparator.comparing(FakeAccount::id)).toList();
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = start; i < Math.min(start + size, reached.size()); i++) {
            page.add(accountFields(reached.get(i)));
        }
        call.json(200, Map.of("Accounts", page), "TrackingId", trackingId);
    }

    private Map<String, Object> accountFields(FakeAccount a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("BillToCustomerId", Long.parseLong(CUSTOMER_ID));
        fields.put("CurrencyCode", currencyCode(a));
        fields.put("AccountFinancialStatus", "ClearFinancialStatus");
        fields.put("Id", Long.parseLong(a.id()));
        fields.put("Language", "English");
        fields.put("Name", a.name());
        fields.put("Number", "F" + a.id().substring(Math.max(0, a.id().length() - 7)));
        fields.put("ParentCustomerId", Long.parseLong(CUSTOMER_ID));
        fields.put("PaymentMethodType", "Invoice");
        fields.put("AccountLifeCycleStatus", "Active");
        fields.put("TimeStamp", "AAAAAAAvKUE=");
        fields.put("TimeZone", MicrosoftZoneNames.accountZone(a.timeZone()));
        fields.put("PauseReason", null);
        fields.put("AccountMode", "Expert");
        return fields;
    }

    private void submit(Call call, String trackingId) {
        JsonNode body = call.jsonBody();
        JsonNode request = body == null ? null : body.get("ReportRequest");
        if (request == null || request.isNull()) {
            apiFault(call, trackingId, 2001, "ReportingServiceNullReportRequest", "The report request is null.");
            return;
        }
        if (!ACCOUNT_REPORT.equals(text(request.get("Type")))) {
            apiFault(call, trackingId, 2002, "ReportingServiceUnknownReportType",
                    "The report request type is not valid.");
            return;
        }
        String format = Optional.ofNullable(text(request.get("Format"))).orElse("Csv");
        if (!"Csv".equals(format)) {
            apiFault(call, trackingId, 201, "ApiInputValidationError", "This fake writes Csv reports only.");
            return;
        }
        List<String> columns = strings(request.get("Columns"));
        if (columns.isEmpty()) {
            apiFault(call, trackingId, 2014, "ReportingServiceNullColumns",
                    "The list of columns to include in the report cannot be null or empty.");
            return;
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            apiFault(call, trackingId, 2016, "ReportingServiceDuplicateColumns",
                    "The list of columns to include in the report contains duplicate.");
            return;
        }
        if (!COLUMNS.containsAll(columns)) {
            apiFault(call, trackingId, 201, "ApiInputValidationError",
                    "Unsupported column; this fake knows " + COLUMNS);
            return;
        }
        if (columns.stream().noneMatch(MEASURES::contains)) {
            apiFault(call, trackingId, 2017, "ReportingServiceNoMeasureSelected",
                    "The report request does not specify at least one measurement column.");
            return;
        }
        String aggregation = Optional.ofNullable(text(request.get("Aggregation"))).orElse("Summary");
        if (!aggregation.equals("Daily") && !aggregation.equals("Summary")) {
            apiFault(call, trackingId, 201, "ApiInputValidationError", "This fake aggregates Daily or Summary only.");
            return;
        }
        if (aggregation.equals("Summary") && columns.contains("TimePeriod")) {
            apiFault(call, trackingId, 2034, "ReportingServiceInvalidTimePeriodColumnForSummaryReport",
                    "The TimePeriod column cannot be specified in a report request that has a summary aggregation.");
            return;
        }
        List<String> accountIds = strings(request.path("Scope").get("AccountIds"));
        if (accountIds.isEmpty()) {
            apiFault(call, trackingId, 2026, "ReportingServiceInvalidAccountReportScope",
                    "The account report scope does not contain account identifiers.");
            return;
        }
        if (!accountIds.stream().allMatch(id -> id.matches("\\d{1,20}"))) {
            apiFault(call, trackingId, 2035, "ReportingServiceInvalidAccountIds",
                    "The report request contains at least one account identifier that is not valid.");
            return;
        }
        if (!accountIds.stream().allMatch(id -> account(id).isPresent())) {
            apiFault(call, trackingId, 2003, "ReportingServiceAccountNotAuthorized",
                    "The specified report request contains at least one account that you do not have privileges "
                            + "to access.");
            return;
        }
        JsonNode time = request.get("Time");
        Period period = period(call, trackingId, time);
        if (period == null) {
            return;
        }
        String timeZone = text(time.get("ReportTimeZone"));
        if (timeZone != null && !MicrosoftZoneNames.REPORT_TIME_ZONES.contains(timeZone)) {
            apiFault(call, trackingId, 201, "ApiInputValidationError", "ReportTimeZone '" + timeZone + "' is invalid.");
            return;
        }
        // Without TimePeriod the service silently sums the whole range into one row per account.
        boolean daily = aggregation.equals("Daily") && columns.contains("TimePeriod");
        List<List<String>> rows = rows(accountIds, columns, period, daily);
        byte[] zip = null;
        String reportId = String.valueOf(reportCounter.getAndIncrement());
        if (!rows.isEmpty()) {
            ReportFile.Layout layout = new ReportFile.Layout(!bool(request, "ExcludeReportHeader"),
                    !bool(request, "ExcludeColumnHeaders"), !bool(request, "ExcludeReportFooter"), totalRow);
            ReportFile.Header header = new ReportFile.Header(
                    Optional.ofNullable(text(request.get("ReportName"))).orElse(""), period.start(), period.end(),
                    daysInUtc ? UTC_HEADER : timeZone == null ? "PacificTimeUSCanadaTijuana" : timeZone,
                    daily ? "Daily" : "Summary");
            zip = ReportFile.zip(reportId + ".csv",
                    ReportFile.csv(header, layout, columns, rows, totalRow(columns, rows)));
        }
        reports.put(reportId, new Report(call.header("CustomerId").trim(), zip,
                new AtomicInteger(pendingPolls), reportsFail));
        call.json(200, Map.of("ReportRequestId", reportId), "TrackingId", trackingId);
    }

    private void poll(Call call, String trackingId) {
        JsonNode body = call.jsonBody();
        String reportId = body == null ? null : text(body.get("ReportRequestId"));
        Report report = reportId == null ? null : reports.get(reportId);
        if (report == null) {
            apiFault(call, trackingId, 2100, "ReportingServiceInvalidReportId", "The report identifier is not valid.");
            return;
        }
        if (!report.customerId().equals(call.header("CustomerId").trim())) {
            apiFault(call, trackingId, 2101, "ReportingServiceReportNotFound", "The report was not found.");
            return;
        }
        String status;
        String url = null;
        if (report.pendingLeft().getAndDecrement() > 0) {
            status = "Pending";
        } else if (report.failed()) {
            status = "Error";
        } else {
            status = "Success";
            url = report.zip() == null ? null : storage.publish(reportId + ".zip", report.zip());
        }
        Map<String, Object> requestStatus = new LinkedHashMap<>();
        requestStatus.put("ReportDownloadUrl", url);
        requestStatus.put("Status", status);
        call.json(200, Map.of("ReportRequestStatus", requestStatus), "TrackingId", trackingId);
    }

    private record Period(LocalDate start, LocalDate end) {
    }

    private Period period(Call call, String trackingId, JsonNode time) {
        JsonNode start = time == null ? null : time.get("CustomDateRangeStart");
        JsonNode end = time == null ? null : time.get("CustomDateRangeEnd");
        boolean custom = present(start) || present(end);
        boolean predefined = time != null && present(time.get("PredefinedTime"));
        if (custom == predefined || custom && !(present(start) && present(end))) {
            apiFault(call, trackingId, 2008, "ReportingServiceInvalidReportTimeSelection",
                    "The report time is null or contains more than one predefined time, custom date, or custom date "
                            + "range start and end.");
            return null;
        }
        if (predefined) {
            apiFault(call, trackingId, 201, "ApiInputValidationError", "This fake serves custom date ranges only.");
            return null;
        }
        LocalDate from = date(start);
        if (from == null) {
            apiFault(call, trackingId, 2009, "ReportingServiceInvalidCustomDateRangeStart",
                    "The report time contains a custom date range start value that is not valid.");
            return null;
        }
        LocalDate to = date(end);
        if (to == null) {
            apiFault(call, trackingId, 2010, "ReportingServiceInvalidCustomDateRangeEnd",
                    "The report time contains a custom date range end value that is not valid.");
            return null;
        }
        if (to.isBefore(from)) {
            apiFault(call, trackingId, 2011, "ReportingServiceEndDateBeforeStartDate",
                    "The report time contains a custom date range that is not valid; the end date cannot be earlier "
                            + "than the start date.");
            return null;
        }
        // "Today" in the zone furthest ahead, so no account's own today is refused.
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(14));
        if (from.isAfter(today)) {
            apiFault(call, trackingId, 2041, "ReportingServiceInvalidFutureStartDate",
                    "The specified report time start date is in the future.");
            return null;
        }
        if (to.isAfter(today)) {
            apiFault(call, trackingId, 2040, "ReportingServiceInvalidCustomDateRange",
                    "The report time contains a date in the custom date range that is not valid.");
            return null;
        }
        return new Period(from, to);
    }

    private List<List<String>> rows(List<String> accountIds, List<String> columns, Period period, boolean daily) {
        List<List<String>> rows = new ArrayList<>();
        for (String id : accountIds) {
            FakeAccount account = account(id).orElseThrow();
            if (daily && daysInUtc) {
                HourlySpend.byDay(account, period.start().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC)
                        .forEach((day, micros) -> rows.add(row(account, columns, day.toString(),
                                BigDecimal.valueOf(micros, 6).stripTrailingZeros())));
            } else if (daily) {
                account.daysBetween(period.start(), period.end()).keySet().forEach(day ->
                        rows.add(row(account, columns, day.toString(), account.totalOn(day))));
            } else {
                BigDecimal total = account.daysBetween(period.start(), period.end()).keySet().stream()
                        .map(account::totalOn).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.signum() != 0) {
                    rows.add(row(account, columns, null, total));
                }
            }
        }
        return rows;
    }

    private List<String> row(FakeAccount account, List<String> columns, String timePeriod, BigDecimal spend) {
        return columns.stream().map(column -> switch (column) {
            case "TimePeriod" -> timePeriod;
            case "AccountId" -> account.id();
            case "AccountName" -> account.name();
            case "AccountNumber" -> "F" + account.id().substring(Math.max(0, account.id().length() - 7));
            case "CurrencyCode" -> currencyCode(account);
            case "Spend" -> spendText(spend);
            default -> throw new IllegalStateException("unsupported column " + column);
        }).toList();
    }

    private List<String> totalRow(List<String> columns, List<List<String>> rows) {
        int spend = columns.indexOf("Spend");
        BigDecimal total = rows.stream().map(r -> new BigDecimal(r.get(spend).replace(",", "")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            row.add(i == spend ? spendText(total) : i == 0 ? "Total" : "");
        }
        return row;
    }

    private String spendText(BigDecimal amount) {
        String plain = (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
        return thousandsSeparators ? grouped(plain) : plain;
    }

    private static String grouped(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + out + (dot < 0 ? "" : digits.substring(dot));
    }

    // ---- envelopes ----

    private static void adApiFault(Call call, String trackingId, int status, int code, String errorCode,
            String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Code", code);
        error.put("Detail", null);
        error.put("ErrorCode", errorCode);
        error.put("Message", message);
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("Errors", List.of(error));
        fault.put("TrackingId", trackingId);
        fault.put("Type", "AdApiFaultDetail");
        call.json(status, fault, "TrackingId", trackingId);
    }

    private static void apiFault(Call call, String trackingId, int code, String errorCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Code", code);
        error.put("Details", null);
        error.put("ErrorCode", errorCode);
        error.put("Message", message);
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("OperationErrors", List.of(error));
        fault.put("BatchErrors", List.of());
        fault.put("TrackingId", trackingId);
        fault.put("Type", "ApiFaultDetail");
        call.json(400, fault, "TrackingId", trackingId);
    }

    /** A GUID-shaped, deterministic tracking id. */
    private String nextTrackingId() {
        return String.format("0b0f43fa-1b5f-4a14-9946-%012d", trackingCounter.incrementAndGet());
    }

    // ---- JSON helpers: the real service accepts 64-bit ids and numbers as JSON strings or numbers ----

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asString().trim();
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static boolean bool(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(text(value)));
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(text(element)));
        return values.stream().anyMatch(v -> v == null || v.isEmpty()) ? List.of() : values;
    }

    private static LocalDate date(JsonNode date) {
        try {
            return LocalDate.of(Integer.parseInt(text(date.get("Year"))), Integer.parseInt(text(date.get("Month"))),
                    Integer.parseInt(text(date.get("Day"))));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
