package com.syncledger.connectors.meta;

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
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.meta.MetaFake;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** Meta's own wire behaviour, over real HTTP against {@link MetaFake}. */
class MetaConnectorTest {

    private static final String ACCOUNT = "1234567890";

    private MetaFake fake;
    private FakeAccount account;
    private DateRange range;

    @BeforeEach
    void start() {
        fake = new MetaFake();
        fake.start();
        LocalDate start = LocalDate.now(ZoneId.of("America/Los_Angeles")).minusDays(15);
        range = DateRange.of(start, start.plusDays(9));
        account = fake.addAccount(new FakeAccount(ACCOUNT, "USD", "America/Los_Angeles", "Pages"));
        range.dates().forEach(day -> account.spend(day, "cmp-a", "10.25").spend(day, "cmp-b", "0.005"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SpendConnector connector(Map<String, String> env) {
        return Connectors.create(Platform.META, Env.of(env), WireClient.withDefaults());
    }

    private SpendConnector connector() {
        return connector(fake.environment());
    }

    private static AccountId id(String raw) {
        return AccountId.of(Platform.META, raw);
    }

    private AccountInfo info() {
        return new AccountInfo("USD", account.timeZone(), account.name());
    }

    private List<DailySpend> truth(DateRange r) {
        return r.dates().map(day -> new DailySpend(day, Money.ofMajor(account.totalOn(day), "USD"))).toList();
    }

    private static <E extends ConnectorException> E failure(Class<E> type, Runnable call) {
        E error = catchThrowableOfType(type, call::run);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        return error;
    }

    private static Map<String, String> query(RecordedRequest request) {
        Map<String, String> params = new HashMap<>();
        for (String pair : request.rawQuery() == null ? new String[0] : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    // ---- reading ----

    @Test
    void accountInfoComesFromTheAdAccountNode() {
        AccountInfo info = connector().accountInfo(id("act_" + ACCOUNT));
        assertThat(info).isEqualTo(new AccountInfo("USD", ZoneId.of("America/Los_Angeles"), "Pages"));
        RecordedRequest request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/v26.0/act_" + ACCOUNT);
        assertThat(query(request).get("fields")).contains("currency", "timezone_name");
    }

    @Test
    void insightsAskForDailyAccountRowsInTheAccountsCalendar() {
        connector().dailySpend(id(ACCOUNT), info(), range);
        Map<String, String> params = query(fake.requests().get(0));
        assertThat(fake.requests().get(0).path()).isEqualTo("/v26.0/act_" + ACCOUNT + "/insights");
        assertThat(params).containsEntry("level", "account").containsEntry("time_increment", "1");
        JsonNode timeRange = Json.MAPPER.readTree(params.get("time_range"));
        assertThat(timeRange.path("since").asString()).isEqualTo(range.from().toString());
        assertThat(timeRange.path("until").asString()).isEqualTo(range.to().toString());
    }

    @Test
    void paginationFollowsPagingNextOnTheConfiguredHost() {
        // The real API names graph.facebook.com in its links, whatever host the client called.
        fake.pagingBase(URI.create("https://graph.facebook.com"));
        fake.pageSize(3);
        var report = connector().dailySpend(id(ACCOUNT), info(), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.subList(1, 4)).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v26.0/act_" + ACCOUNT + "/insights");
            assertThat(query(r)).containsKey("after").containsKey("appsecret_proof");
        });
        assertThat(report.requestIds()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void spendWithMoreDecimalsThanCentsStaysExact() {
        var report = connector().dailySpend(id(ACCOUNT), info(), range);
        assertThat(report.days().get(0).spend()).isEqualTo(Money.ofMicros(10_255_000, "USD"));
    }

    @Test
    void aLongRangeIsSplitIntoRequestsOfNinetyDays() {
        LocalDate end = range.to();
        DateRange year = DateRange.of(end.minusDays(199), end);
        var report = InParts.dailySpend(connector(), id(ACCOUNT), info(), year);
        assertThat(report.days()).containsExactlyElementsOf(truth(year));
        List<DateRange> asked = fake.requests().stream().map(r -> {
            JsonNode timeRange = Json.MAPPER.readTree(query(r).get("time_range"));
            return DateRange.parse(timeRange.path("since").asString(), timeRange.path("until").asString());
        }).toList();
        assertThat(asked).containsExactlyElementsOf(year.split(90));
    }

    // ---- credentials on the wire ----

    @Test
    void theTokenTravelsInTheAuthorizationHeaderNeverInTheUrl() {
        fake.pageSize(3);
        connector().dailySpend(id(ACCOUNT), info(), range);
        assertThat(fake.requests()).allSatisfy(r -> {
            assertThat(r.header("Authorization")).contains("Bearer " + fake.credentials().accessToken());
            assertThat(query(r)).doesNotContainKey("access_token");
        });
    }

    @Test
    void appSecretProofIsSentOnEveryRequestWhenConfigured() {
        fake.pageSize(3);
        connector().dailySpend(id(ACCOUNT), info(), range);
        String expected = MetaConnector.appSecretProof(Secret.of(fake.credentials().accessToken()),
                Secret.of(fake.credentials().clientSecret()));
        assertThat(fake.requests()).hasSize(4)
                .allSatisfy(r -> assertThat(query(r)).containsEntry("appsecret_proof", expected));
    }

    @Test
    void appSecretProofIsHexHmacSha256OfTheTokenKeyedByTheSecret() {
        // RFC 4231-style check with a well-known vector: HMAC-SHA256("key", "The quick brown fox ...").
        assertThat(MetaConnector.appSecretProof(Secret.of("The quick brown fox jumps over the lazy dog"),
                Secret.of("key"))).isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void withoutAnAppSecretNoProofIsSent() {
        fake.requireAppSecretProof(false);
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("META_APP_SECRET");
        var report = connector(env).dailySpend(id(ACCOUNT), info(), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        assertThat(fake.requests()).allSatisfy(r -> assertThat(query(r)).doesNotContainKey("appsecret_proof"));
    }

    @Test
    void anAppThatRequiresTheProofRefusesCallsWithoutIt() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("META_APP_SECRET");
        ConnectorException error = failure(ConnectorException.class, () -> connector(env).accountInfo(id(ACCOUNT)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("100");
        assertThat(error.getMessage()).contains("appsecret_proof");
    }

    @Test
    void aWrongAppSecretIsAuth() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.put("META_APP_SECRET", "not-the-app-secret");
        ConnectorException error = failure(ConnectorException.class, () -> connector(env).accountInfo(id(ACCOUNT)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.getMessage()).contains("Invalid appsecret_proof");
    }

    // ---- failures ----

    @Test
    void throttlingCarriesTheRegainAccessTimeOfTheUsageHeaderAndTheTraceId() {
        fake.failNext(Fault.THROTTLE, 1);
        ConnectorException.RateLimited error = failure(ConnectorException.RateLimited.class,
                () -> connector().dailySpend(id(ACCOUNT), info(), range));
        assertThat(error.retryAfter()).contains(Duration.ofMinutes(MetaFake.REGAIN_ACCESS_MINUTES));
        assertThat(error.platformCode()).isEqualTo("80000/2446079");
        assertThat(error.requestId()).startsWith("meta-req-");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsAuthWithItsSubcodeAndNothingIsRetried() {
        fake.expireAccessTokens();
        ConnectorException error = failure(ConnectorException.class,
                () -> connector().dailySpend(id(ACCOUNT), info(), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("190/463");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anUnknownAccountIsNotFoundWithMetasCode() {
        ConnectorException error = failure(ConnectorException.class, () -> connector().accountInfo(id("act_42")));
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.platformCode()).isEqualTo("100/33");
        assertThat(error.requestId()).isNotBlank();
    }

    @Test
    void aRangeOlderThanThirtySevenMonthsIsAnInvalidRequest() {
        LocalDate old = LocalDate.now(account.timeZone()).minusMonths(38);
        ConnectorException error = failure(ConnectorException.class,
                () -> connector().dailySpend(id(ACCOUNT), info(), DateRange.of(old, old.plusDays(3))));
        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.platformCode()).isEqualTo("3018");
    }

    @Test
    void anAnswerWithoutTheDataArrayIsABadResponseNotZero() {
        fake.failNext(Fault.MALFORMED, 1);
        ConnectorException error = failure(ConnectorException.class,
                () -> connector().dailySpend(id(ACCOUNT), info(), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).isNotBlank();
    }

    // ---- the fake refuses what Meta refuses ----

    private HttpResponse<String> raw(String pathAndQuery, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String proof() {
        return MetaConnector.appSecretProof(Secret.of(fake.credentials().accessToken()),
                Secret.of(fake.credentials().clientSecret()));
    }

    private String insights(String params) {
        return "/v26.0/act_" + ACCOUNT + "/insights?appsecret_proof=" + proof() + "&" + params;
    }

    private static JsonNode error(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body()).path("error");
    }

    @Test
    void theFakeRefusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> response = raw(insights("level=account"), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("code").asInt()).isEqualTo(104);
        assertThat(response.headers().firstValue("x-fb-trace-id")).isPresent();
    }

    @Test
    void theFakeRefusesAWrongToken() throws Exception {
        HttpResponse<String> response = raw(insights("level=account"), "Bearer EAAB-made-up");
        assertThat(error(response).path("code").asInt()).isEqualTo(190);
        assertThat(error(response).path("type").asString()).isEqualTo("OAuthException");
        assertThat(error(response).path("fbtrace_id").asString()).isNotBlank();
    }

    @Test
    void theFakeAcceptsTheTokenAsAQueryParameterToo() throws Exception {
        String token = URLEncoder.encode(fake.credentials().accessToken(), StandardCharsets.UTF_8);
        HttpResponse<String> response = raw("/v26.0/act_" + ACCOUNT + "?fields=currency&access_token=" + token
                + "&appsecret_proof=" + proof(), null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.body()).path("currency").asString()).isEqualTo("USD");
    }

    @Test
    void theFakeRefusesMalformedParameters() throws Exception {
        String bearer = "Bearer " + fake.credentials().accessToken();
        HttpResponse<String> badRange = raw(insights("time_range=" + URLEncoder.encode("{\"since\":\"2026-13-01\"}",
                StandardCharsets.UTF_8)), bearer);
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(error(badRange).path("code").asInt()).isEqualTo(100);
        HttpResponse<String> badField = raw(insights("fields=spend,cost_micros"), bearer);
        assertThat(error(badField).path("message").asString()).contains("cost_micros is not valid for fields param");
        HttpResponse<String> badLevel = raw(insights("level=store"), bearer);
        assertThat(error(badLevel).path("code").asInt()).isEqualTo(100);
        HttpResponse<String> badAccount = raw("/v26.0/act_12x34?fields=currency&appsecret_proof=" + proof(), bearer);
        assertThat(error(badAccount).path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void withoutTimeIncrementTheFakeAnswersOneRowForTheWholeRange() throws Exception {
        String timeRange = URLEncoder.encode("{\"since\":\"" + range.from() + "\",\"until\":\"" + range.to() + "\"}",
                StandardCharsets.UTF_8);
        HttpResponse<String> response = raw(insights("fields=spend&time_range=" + timeRange),
                "Bearer " + fake.credentials().accessToken());
        JsonNode data = Json.MAPPER.readTree(response.body()).path("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).path("date_start").asString()).isEqualTo(range.from().toString());
        assertThat(data.get(0).path("date_stop").asString()).isEqualTo(range.to().toString());
        assertThat(data.get(0).path("spend").asString()).isEqualTo("102.55");
    }
}
