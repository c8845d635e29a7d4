package com.syncledger.connectors.google;

import com.syncledger.connectors.contract.InParts;
import com.syncledger.connectors.Connectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.google.GoogleAdsFake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Google Ads' own wire behaviour, over real HTTP against {@link GoogleAdsFake}. */
class GoogleAdsConnectorTest {

    private static final String CUSTOMER = "1234567890";
    private static final String MANAGER = "1112223333";

    private GoogleAdsFake fake;
    private FakeAccount account;
    private DateRange range;

    @BeforeEach
    void start() {
        fake = new GoogleAdsFake();
        fake.start();
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(15);
        range = DateRange.of(start, start.plusDays(9));
        account = fake.addAccount(new FakeAccount(CUSTOMER, "JPY", "Asia/Tokyo", "Tokyo Search"));
        range.dates().filter(day -> day.getDayOfMonth() % 4 != 0)
                .forEach(day -> account.spend(day, "cmp-a", "1234").spend(day, "cmp-b", String.valueOf(day.getDayOfMonth())));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SpendConnector connector(Map<String, String> env) {
        return Connectors.create(Platform.GOOGLE, Env.of(env), WireClient.withDefaults());
    }

    private SpendConnector connector() {
        return connector(fake.environment());
    }

    private Map<String, String> env(String name, String value) {
        Map<String, String> env = new HashMap<>(fake.environment());
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    private static AccountId id(String raw) {
        return AccountId.of(Platform.GOOGLE, raw);
    }

    private AccountInfo info() {
        return new AccountInfo("JPY", account.timeZone(), account.name());
    }

    private List<DailySpend> truth(DateRange r) {
        return r.dates().map(day -> new DailySpend(day, Money.ofMajor(account.totalOn(day), "JPY"))).toList();
    }

    private List<RecordedRequest> apiRequests() {
        return fake.requests().stream().filter(r -> !r.path().equals("/token")).toList();
    }

    private long tokenRequests() {
        return fake.requests().size() - apiRequests().size();
    }

    private static <E extends ConnectorException> E failure(Class<E> type, Runnable call) {
        E error = catchThrowableOfType(type, call::run);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        return error;
    }

    // ---- reading ----

    @Test
    void aCustomerIdWithDashesIsSentAsDigits() {
        AccountInfo info = connector().accountInfo(id("123-456-7890"));
        assertThat(info).isEqualTo(new AccountInfo("JPY", ZoneId.of("Asia/Tokyo"), "Tokyo Search"));
        assertThat(apiRequests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v26/customers/" + CUSTOMER + "/googleAds:searchStream");
        });
    }

    @Test
    void spendIsOneGaqlQueryOnCustomerWithTheDateRange() {
        var report = connector().dailySpend(id(CUSTOMER), info(), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        JsonNode body = Json.MAPPER.readTree(apiRequests().get(0).body());
        assertThat(body.path("query").asString())
                .contains("metrics.cost_micros", "segments.date", "FROM customer")
                .contains("BETWEEN '" + range.from() + "' AND '" + range.to() + "'");
        assertThat(report.requestIds()).containsExactly("google-req-00000001");
    }

    @Test
    void rowsSpreadOverSeveralStreamBatchesAreAllCollected() {
        fake.batchSize(2);
        var report = connector().dailySpend(id(CUSTOMER), info(), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void aRangeOfMoreThanAYearIsSplit() {
        FakeAccount history = fake.addAccount(DemoData.generate(
                new DemoData.DemoAccount("google", "5556667777", "EUR", "Europe/Berlin", "Long"),
                range.to(), 400));
        DateRange long400 = DateRange.of(range.to().minusDays(399), range.to());
        var report = InParts.dailySpend(connector(), id("555-666-7777"), new AccountInfo("EUR", history.timeZone(), "Long"),
                long400);
        assertThat(report.days()).containsExactlyElementsOf(long400.dates()
                .map(day -> new DailySpend(day, Money.ofMajor(history.totalOn(day), "EUR"))).toList());
        assertThat(apiRequests()).hasSize(2);
        assertThat(report.requestIds()).hasSize(2);
    }

    @Test
    void theApiVersionComesFromTheEnvironment() {
        SpendConnector v25 = connector(env("GOOGLE_ADS_API_VERSION", "25"));
        v25.accountInfo(id(CUSTOMER));
        assertThat(v25.descriptor().apiVersion()).isEqualTo("v25");
        assertThat(apiRequests().get(0).path()).startsWith("/v25/customers/");
    }

    // ---- headers ----

    @Test
    void theDeveloperTokenIsSentWhenConfiguredAndLeftOutOtherwise() {
        connector().accountInfo(id(CUSTOMER));
        assertThat(apiRequests().get(0).header("developer-token")).contains(fake.credentials().developerToken());
        fake.clearRequests();
        connector(env("GOOGLE_ADS_DEVELOPER_TOKEN", null)).accountInfo(id(CUSTOMER));
        assertThat(apiRequests().get(0).header("developer-token")).isEmpty();
    }

    @Test
    void theLoginCustomerIdHeaderCarriesTheManagerAsDigits() {
        fake.managedBy(MANAGER);
        SpendConnector viaManager = connector(env("GOOGLE_ADS_LOGIN_CUSTOMER_ID", "111-222-3333"));
        assertThat(viaManager.dailySpend(id(CUSTOMER), info(), range).days()).containsExactlyElementsOf(truth(range));
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.header("login-customer-id")).contains(MANAGER));
    }

    @Test
    void withoutTheLoginCustomerIdAManagedAccountIsAPermissionError() {
        fake.managedBy(MANAGER);
        ConnectorException error = failure(ConnectorException.class, () -> connector().accountInfo(id(CUSTOMER)));
        assertThat(error.kind()).isEqualTo(ErrorKind.PERMISSION);
        assertThat(error.platformCode()).isEqualTo("authorizationError.USER_PERMISSION_DENIED");
        assertThat(error.getMessage()).contains("login-customer-id");
        assertThat(apiRequests().get(0).header("login-customer-id")).isEmpty();
    }

    // ---- failures ----

    @Test
    void resourceExhaustedCarriesItsRetryDelay() {
        fake.failNext(Fault.THROTTLE, 1);
        ConnectorException.RateLimited error = failure(ConnectorException.RateLimited.class,
                () -> connector().dailySpend(id(CUSTOMER), info(), range));
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(error.platformCode()).isEqualTo("quotaError.RESOURCE_EXHAUSTED");
        assertThat(error.httpStatus()).isEqualTo(429);
        assertThat(error.requestId()).isEqualTo("google-req-00000001");
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRepeated() {
        SpendConnector connector = connector();
        connector.accountInfo(id(CUSTOMER));
        fake.expireAccessTokens();
        fake.clearRequests();
        assertThat(connector.dailySpend(id(CUSTOMER), info(), range).days()).containsExactlyElementsOf(truth(range));
        assertThat(fake.requests()).extracting(RecordedRequest::path).containsExactly(
                "/v26/customers/" + CUSTOMER + "/googleAds:searchStream", "/token",
                "/v26/customers/" + CUSTOMER + "/googleAds:searchStream");
        assertThat(apiRequests().get(0).header("Authorization")).isNotEqualTo(apiRequests().get(1).header("Authorization"));
    }

    @Test
    void aWrongDeveloperTokenIsAuthAndNoRefreshIsTried() {
        ConnectorException error = failure(ConnectorException.class,
                () -> connector(env("GOOGLE_ADS_DEVELOPER_TOKEN", "wrong-dev-token")).accountInfo(id(CUSTOMER)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("authenticationError.DEVELOPER_TOKEN_INVALID");
        assertThat(error.requestId()).isNotBlank();
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void anUnknownCustomerIsNotFoundAndNoRefreshIsTried() {
        ConnectorException error = failure(ConnectorException.class, () -> connector().accountInfo(id("999-888-7777")));
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.platformCode()).isEqualTo("authenticationError.CUSTOMER_NOT_FOUND");
        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void aStreamCutOffPartWayIsABadResponse() {
        fake.failNext(Fault.MALFORMED, 1);
        ConnectorException error = failure(ConnectorException.class,
                () -> connector().dailySpend(id(CUSTOMER), info(), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).isNotBlank();
    }

    @Test
    void spendInAnotherTimeZoneThanTheAccountInfoIsRefused() {
        AccountInfo stale = new AccountInfo("JPY", ZoneId.of("UTC"), "Tokyo Search");
        ConnectorException error = failure(ConnectorException.class,
                () -> connector().dailySpend(id(CUSTOMER), stale, range));
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.getMessage()).contains("Asia/Tokyo");
    }

    // ---- the fake refuses what Google refuses ----

    private HttpResponse<String> raw(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> search(String customer, String body) throws IOException, InterruptedException {
        return raw("/v26/customers/" + customer + "/googleAds:searchStream", body,
                Map.of("Authorization", "Bearer " + fake.credentials().accessToken()));
    }

    private static String query(String gaql) {
        return Json.write(Map.of("query", gaql));
    }

    /** The Google Ads error code of a (possibly array-wrapped) error answer, e.g. {@code queryError.EXPECTED_SELECT}. */
    private static String adsCode(HttpResponse<String> response) {
        JsonNode body = Json.MAPPER.readTree(response.body());
        JsonNode error = (body.isArray() ? body.get(0) : body).path("error");
        var code = error.path("details").get(0).path("errors").get(0).path("errorCode").properties().iterator().next();
        return code.getKey() + "." + code.getValue().asString();
    }

    @Test
    void theFakeRefusesACustomerIdWithDashes() throws Exception {
        HttpResponse<String> response = search("123-456-7890", query("SELECT customer.id FROM customer"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(adsCode(response)).isEqualTo("requestError.INVALID_CUSTOMER_ID");
        assertThat(response.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void theFakeRefusesMalformedGaql() throws Exception {
        assertThat(adsCode(search(CUSTOMER, query("SELEC customer.id FROM customer"))))
                .isEqualTo("queryError.EXPECTED_SELECT");
        assertThat(adsCode(search(CUSTOMER, query("SELECT customer.id"))))
                .isEqualTo("queryError.EXPECTED_FROM");
        assertThat(adsCode(search(CUSTOMER, query("SELECT metrics.cost FROM customer"))))
                .isEqualTo("queryError.UNRECOGNIZED_FIELD");
        assertThat(adsCode(search(CUSTOMER, query("SELECT segments.date, metrics.cost_micros FROM customer"))))
                .isEqualTo("queryError.EXPECTED_FILTERS_ON_DATE_RANGE");
        assertThat(adsCode(search(CUSTOMER, query("SELECT metrics.cost_micros FROM customer "
                + "WHERE segments.date BETWEEN '2026-01-01' AND '2026-01-01' ORDER BY segments.date"))))
                .isEqualTo("queryError.EXPECTED_REFERENCED_FIELD_IN_SELECT_CLAUSE");
        assertThat(adsCode(search(CUSTOMER, query("SELECT segments.date FROM customer "
                + "WHERE segments.date BETWEEN '2026-01-31' AND '2026-01-01'"))))
                .isEqualTo("queryError.DATE_RANGE_TOO_NARROW");
    }

    @Test
    void theFakeRefusesUnknownBodyFieldsSuchAsPageSize() throws Exception {
        HttpResponse<String> response = search(CUSTOMER,
                "{\"query\":\"SELECT customer.id FROM customer\",\"pageSize\":100}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown name \\\"pageSize\\\"");
        assertThat(search(CUSTOMER, "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void theFakeRefusesMissingOrWrongCredentials() throws Exception {
        String path = "/v26/customers/" + CUSTOMER + "/googleAds:searchStream";
        String body = query("SELECT customer.id FROM customer");
        HttpResponse<String> noToken = raw(path, body, Map.of());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(noToken.body()).path("error").path("status").asString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(raw(path, body, Map.of("Authorization", "Bearer ya29.made-up")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongDeveloperToken = raw(path, body, Map.of(
                "Authorization", "Bearer " + fake.credentials().accessToken(), "developer-token", "nope"));
        assertThat(adsCode(wrongDeveloperToken)).isEqualTo("authenticationError.DEVELOPER_TOKEN_INVALID");
        HttpResponse<String> dashedManager = raw(path, body, Map.of(
                "Authorization", "Bearer " + fake.credentials().accessToken(), "login-customer-id", "111-222-3333"));
        assertThat(adsCode(dashedManager)).isEqualTo("headerError.INVALID_LOGIN_CUSTOMER_ID");
    }

    @Test
    void theFakeAnswersAnEmptyStreamWithoutResults() throws Exception {
        HttpResponse<String> response = search(CUSTOMER, query("SELECT segments.date, metrics.cost_micros FROM customer "
                + "WHERE segments.date BETWEEN '2020-01-01' AND '2020-01-31'"));
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.isArray()).isTrue();
        assertThat(body).singleElement().satisfies(batch -> assertThat(batch.has("results")).isFalse());
    }
}
