package com.syncledger.connectors.reddit;

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
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.reddit.RedditFake;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reddit specifics over real HTTP against the fake: paging, User-Agent, token rotation, micros, the report window. */
class RedditConnectorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN_PATH = "/api/v1/access_token";

    private RedditFake fake;
    private FakeAccount newYork;
    private DateRange tenDays;

    @BeforeEach
    void start() {
        fake = (RedditFake) new RedditFake().start();
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(15);
        tenDays = DateRange.of(from, from.plusDays(9));
        newYork = fake.addAccount(new FakeAccount("a2_newyork", "USD", "America/New_York", "New York"));
        for (int i = 0; i < 10; i++) {
            if (i != 2 && i != 6) {
                newYork.spend(from.plusDays(i), "cmp-a", "10.0" + i).spend(from.plusDays(i), "cmp-b", "0.25");
            }
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---- paging ----

    @Test
    void everyPageIsFollowedThroughNextUrlAndEachDayCountedOnce() throws Exception {
        fake.pageSize(3);
        SpendReport report = connector(fake.environment()).dailySpend(id(newYork), info(newYork), tenDays);

        assertThat(report.days()).containsExactlyElementsOf(truth(newYork, tenDays));
        // Eight days with spend, three per page: three requests, the first without a token.
        List<RecordedRequest> pages = reportRequests();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).rawQuery()).isNull();
        List<String> tokens = pages.stream().skip(1).map(r -> query(r, "page.token")).toList();
        assertThat(tokens).doesNotContainNull().doesNotHaveDuplicates();
        // next_url is followed as given: page.size once, never appended again.
        assertThat(pages.stream().skip(1)).allSatisfy(r -> assertThat(r.rawQuery().split("page\\.size=", -1)).hasSize(2));
        // The same body on every page, as Reddit requires.
        assertThat(pages).extracting(RecordedRequest::body).containsOnly(pages.get(0).body());
        assertThat(report.requestIds()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aNextUrlOnRedditsPublicHostIsFollowedOnTheConfiguredBaseUrl() {
        fake.pageSize(3);
        fake.nextUrlOrigin("https://ads-api.reddit.com");
        SpendReport report = connector(fake.environment()).dailySpend(id(newYork), info(newYork), tenDays);

        assertThat(report.days()).containsExactlyElementsOf(truth(newYork, tenDays));
        assertThat(reportRequests()).hasSize(3);
    }

    // ---- User-Agent ----

    @Test
    void theUserAgentIsOnEveryRequestIncludingTheTokenCall() {
        Map<String, String> env = withoutAccessToken();
        env.put("REDDIT_USER_AGENT", "java:com.example.spend:2.0 (by /u/example)");
        fake.pageSize(2);
        SpendConnector connector = connector(env);
        connector.accountInfo(id(newYork));
        connector.dailySpend(id(newYork), info(newYork), tenDays);

        assertThat(fake.requests()).filteredOn(r -> r.path().equals(TOKEN_PATH)).hasSize(1);
        assertThat(fake.requests()).hasSizeGreaterThan(3)
                .allSatisfy(r -> assertThat(r.header("User-Agent")).contains("java:com.example.spend:2.0 (by /u/example)"));
    }

    @Test
    void withoutAConfiguredUserAgentADescriptiveDefaultIsSent() {
        SpendConnector connector = connector(withoutAccessToken());
        connector.accountInfo(id(newYork));

        assertThat(fake.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("User-Agent")).contains(RedditSettings.DEFAULT_USER_AGENT));
    }

    @Test
    void theFakeRefusesTheJdkDefaultUserAgentLikeReddit() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpRequest.Builder account = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v3/ad_accounts/a2_newyork"))
                .header("Authorization", "Bearer " + fake.credentials().accessToken());
        assertThat(plain.send(account.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);
        assertThat(plain.send(account.header("User-Agent", "java:test:1 (by test)").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        fake.rejectGenericUserAgentsWith(403);
        HttpRequest token = HttpRequest.newBuilder(URI.create(fake.tokenUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")).build();
        assertThat(plain.send(token, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    // ---- tokens ----

    @Test
    void aRotatedRefreshTokenIsKeptAndUsedForTheNextRefresh() {
        String original = fake.currentRefreshToken();
        List<Secret> rotations = new ArrayList<>();
        SpendConnector connector = RedditFactory.connector(Env.of(withoutAccessToken()),
                WireClient.withDefaults(), Clock.systemUTC(), rotations::add);

        connector.accountInfo(id(newYork));
        String first = fake.currentRefreshToken();
        assertThat(first).isNotEqualTo(original);
        assertThat(rotations).extracting(Secret::reveal).containsExactly(first);

        // The fake only accepts the newest refresh token: the next refresh works only if the rotation was kept.
        fake.expireAccessTokens();
        SpendReport report = connector.dailySpend(id(newYork), info(newYork), tenDays);
        assertThat(report.days()).containsExactlyElementsOf(truth(newYork, tenDays));
        assertThat(rotations).extracting(Secret::reveal).containsExactly(first, fake.currentRefreshToken());

        List<RecordedRequest> refreshes = fake.requests().stream().filter(r -> r.path().equals(TOKEN_PATH)).toList();
        assertThat(refreshes).extracting(RecordedRequest::body).containsExactly(
                "grant_type=refresh_token&refresh_token=" + original,
                "grant_type=refresh_token&refresh_token=" + first);
        String basic = "Basic " + Base64.getEncoder().encodeToString((fake.credentials().clientId() + ":"
                + fake.credentials().clientSecret()).getBytes(StandardCharsets.UTF_8));
        assertThat(refreshes).allSatisfy(r -> assertThat(r.header("Authorization")).contains(basic));
    }

    @Test
    void theAccessTokenIsReusedUntilItsExpiresInRunsOut() {
        MovableClock clock = new MovableClock();
        SpendConnector connector = RedditFactory.connector(Env.of(withoutAccessToken()),
                WireClient.withDefaults(), clock, rotated -> { });
        connector.accountInfo(id(newYork));
        clock.advance(Duration.ofSeconds(RedditFake.TOKEN_LIFETIME_SECONDS).minusMinutes(2));
        connector.accountInfo(id(newYork));
        assertThat(tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        connector.accountInfo(id(newYork));
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void aWrongClientSecretIsAuth() {
        Map<String, String> env = withoutAccessToken();
        env.put("REDDIT_CLIENT_SECRET", "not-the-secret");
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(env).accountInfo(id(newYork)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.httpStatus()).isEqualTo(401);
    }

    // ---- money ----

    @Test
    void microsInEuroAndAThreeDecimalCurrencyAreExact() {
        LocalDate day = tenDays.from();
        FakeAccount berlin = fake.addAccount(new FakeAccount("a2_berlin", "EUR", "Europe/Berlin", "Berlin"));
        berlin.spend(day, "cmp-a", "1234.56").spend(day, "cmp-b", "0.01").spend(day.plusDays(1), "cmp-a", "0.000001");
        FakeAccount kuwait = fake.addAccount(new FakeAccount("a2_kuwait", "KWD", "Asia/Kuwait", "Kuwait"));
        kuwait.spend(day, "cmp-a", "12.345");
        SpendConnector connector = connector(fake.environment());
        DateRange twoDays = DateRange.of(day, day.plusDays(1));

        SpendReport euros = connector.dailySpend(id(berlin), connector.accountInfo(id(berlin)), twoDays);
        assertThat(euros.days()).containsExactly(
                new DailySpend(day, Money.ofMicros(1_234_570_000L, "EUR")),
                new DailySpend(day.plusDays(1), Money.ofMicros(1L, "EUR")));

        SpendReport dinars = connector.dailySpend(id(kuwait), connector.accountInfo(id(kuwait)), twoDays);
        assertThat(dinars.days().get(0).spend()).isEqualTo(Money.ofMicros(12_345_000L, "KWD"));
        assertThat(dinars.days().get(0).spend().toDecimalString()).isEqualTo("12.345");
    }

    @Test
    void theFakeSendsSpendAsIntegerMicrocurrency() throws Exception {
        FakeAccount berlin = fake.addAccount(new FakeAccount("a2_berlin", "EUR", "Europe/Berlin", "Berlin"));
        LocalDate day = tenDays.from();
        berlin.spend(day, "cmp-a", "1234.57");
        String body = "{\"data\":{\"breakdowns\":[\"DATE\"],\"fields\":[\"SPEND\"],\"starts_at\":\"" + day.minusDays(1)
                + "T23:00:00Z\",\"ends_at\":\"" + day + "T23:00:00Z\",\"time_zone_id\":\"Europe/Berlin\"}}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fake.baseUrl() + "/api/v3/ad_accounts/a2_berlin/reports"))
                .header("Authorization", "Bearer " + fake.credentials().accessToken())
                .header("User-Agent", "java:test:1 (by test)")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode metrics = JSON.readTree(answer.body()).path("data").path("metrics");
        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).get("date").asString()).isEqualTo(day.toString());
        assertThat(metrics.get(0).get("spend").isIntegralNumber()).isTrue();
        assertThat(metrics.get(0).get("spend").longValue()).isEqualTo(1_234_570_000L);
    }

    // ---- the window on the wire ----

    @Test
    void theWindowIsTheAccountsLocalMidnightsOnTheHourInItsTimeZoneAcrossDst() {
        LocalDate dstStart = latestUsDstStart();
        DateRange week = DateRange.of(dstStart.minusDays(3), dstStart.plusDays(3));
        week.dates().forEach(d -> newYork.spend(d, "cmp-a", "7.77"));

        SpendReport report = connector(fake.environment()).dailySpend(id(newYork), info(newYork), week);

        assertThat(report.days()).containsExactlyElementsOf(truth(newYork, week));
        JsonNode data = onlyReportBody();
        assertThat(data.get("time_zone_id").asString()).isEqualTo("America/New_York");
        assertThat(data.get("starts_at").asString()).isEqualTo(week.from() + "T05:00:00Z"); // EST, UTC-5
        assertThat(data.get("ends_at").asString()).isEqualTo(week.to().plusDays(1) + "T04:00:00Z"); // EDT, UTC-4
        assertThat(data.get("breakdowns").toString()).isEqualTo("[\"DATE\"]");
        assertThat(data.get("fields").toString()).isEqualTo("[\"SPEND\"]");
    }

    @Test
    void aZoneAheadOfUtcStartsTheDayBefore() {
        FakeAccount tokyo = fake.addAccount(new FakeAccount("a2_tokyo", "JPY", "Asia/Tokyo", "Tokyo"));
        tenDays.dates().forEach(d -> tokyo.spend(d, "cmp-a", "1500"));

        SpendReport report = connector(fake.environment()).dailySpend(id(tokyo), info(tokyo), tenDays);

        assertThat(report.days()).containsExactlyElementsOf(truth(tokyo, tenDays));
        JsonNode data = onlyReportBody();
        assertThat(data.get("time_zone_id").asString()).isEqualTo("Asia/Tokyo");
        assertThat(data.get("starts_at").asString()).isEqualTo(tenDays.from().minusDays(1) + "T15:00:00Z");
        assertThat(data.get("ends_at").asString()).isEqualTo(tenDays.to() + "T15:00:00Z");
    }

    @Test
    void aHalfHourZoneIsWidenedToWholeHoursAndStaysExact() {
        FakeAccount kolkata = fake.addAccount(new FakeAccount("a2_kolkata", "INR", "Asia/Kolkata", "Kolkata"));
        tenDays.dates().forEach(d -> kolkata.spend(d, "cmp-a", "999.99"));
        kolkata.spend(tenDays.from().minusDays(1), "cmp-a", "5000").spend(tenDays.to().plusDays(1), "cmp-a", "5000");

        SpendReport report = connector(fake.environment()).dailySpend(id(kolkata), info(kolkata), tenDays);

        assertThat(report.days()).containsExactlyElementsOf(truth(kolkata, tenDays));
        JsonNode data = onlyReportBody();
        // Local midnight is 18:30 UTC: the window opens at 18:00 and closes at 19:00.
        assertThat(data.get("starts_at").asString()).isEqualTo(tenDays.from().minusDays(1) + "T18:00:00Z");
        assertThat(data.get("ends_at").asString()).isEqualTo(tenDays.to() + "T19:00:00Z");
    }

    @Test
    void splitWindowsMeetWithoutGapOrOverlap() {
        DateRange forty = DateRange.of(tenDays.to().minusDays(39), tenDays.to());
        forty.dates().forEach(d -> newYork.spend(d, "cmp-c", "1.01"));

        SpendReport report = InParts.dailySpend(connector(fake.environment()), id(newYork), info(newYork), forty);

        assertThat(report.days()).containsExactlyElementsOf(truth(newYork, forty));
        List<JsonNode> windows = reportRequests().stream().map(RedditConnectorTest::data).toList();
        assertThat(windows).hasSize(2);
        assertThat(windows.get(1).get("starts_at")).isEqualTo(windows.get(0).get("ends_at"));
        Duration first = Duration.between(Instant.parse(windows.get(0).get("starts_at").asString()),
                Instant.parse(windows.get(0).get("ends_at").asString()));
        assertThat(first.toHours()).isBetween(31L * 24 - 1, 31L * 24 + 1);
    }

    // ---- errors ----

    @Test
    void throttlingCarriesRedditsResetHintAndRequestId() {
        fake.failNext(Fault.THROTTLE, 1);
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(fake.environment()).dailySpend(id(newYork), info(newYork), tenDays));
        assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(error.httpStatus()).isEqualTo(429);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(RedditFake.THROTTLE_RESET_SECONDS));
        assertThat(error.requestId()).startsWith("reddit-req-");
    }

    @Test
    void anUnknownAccountOnTheReportIsNotFoundNeverZero() {
        AccountId unknown = AccountId.of(Platform.REDDIT, "a2_gone");
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(fake.environment()).dailySpend(unknown, info(newYork), tenDays));
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.platformCode()).isEqualTo("BAD_REQUEST");
        assertThat(error.getMessage()).contains("Unknown Ad Account");
    }

    // ---- helpers ----

    private static SpendConnector connector(Map<String, String> env) {
        return Connectors.create(Platform.REDDIT, Env.of(env), WireClient.withDefaults());
    }

    private Map<String, String> withoutAccessToken() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("REDDIT_ACCESS_TOKEN");
        return env;
    }

    private static AccountId id(FakeAccount account) {
        return AccountId.of(Platform.REDDIT, account.id());
    }

    private static AccountInfo info(FakeAccount account) {
        return new AccountInfo(account.currency(), account.timeZone(), account.name());
    }

    private static List<DailySpend> truth(FakeAccount account, DateRange range) {
        return range.dates().map(d -> new DailySpend(d, Money.ofMajor(account.totalOn(d), account.currency()))).toList();
    }

    private List<RecordedRequest> reportRequests() {
        return fake.requests().stream().filter(r -> r.path().endsWith("/reports")).toList();
    }

    private long tokenRequests() {
        return fake.requests().stream().filter(r -> r.path().equals(TOKEN_PATH)).count();
    }

    private JsonNode onlyReportBody() {
        assertThat(reportRequests()).hasSize(1);
        return data(reportRequests().get(0));
    }

    private static JsonNode data(RecordedRequest request) {
        return JSON.readTree(request.body()).get("data");
    }

    private static String query(RecordedRequest request, String name) {
        if (request.rawQuery() == null) {
            return null;
        }
        for (String pair : request.rawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The second Sunday of March (US clocks spring forward) most recently at least four days ago. */
    private static LocalDate latestUsDstStart() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate thisYear = LocalDate.of(today.getYear(), 3, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
        return thisYear.plusDays(4).isBefore(today) ? thisYear
                : LocalDate.of(today.getYear() - 1, 3, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
    }

    /** A clock tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
