package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.contract.InParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.snapchat.SnapchatFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snap's days are the account's local days, asked for as local midnights with the offset in force on each
 * date. Checked on the wire across DST changes, for a positive offset, and against the fake's refusals.
 */
class SnapchatTimeZoneTest {

    private static final String NEW_YORK_ID = "5b0a9c1e-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
    private static final String BERLIN_ID = "6c1b0d2f-3e4a-4b5c-9d7e-8f9a0b1c2d3e";

    private SnapchatFake fake;
    private SpendConnector connector;
    private FakeAccount newYork;
    private FakeAccount berlin;

    @BeforeEach
    void start() {
        fake = new SnapchatFake();
        fake.start();
        newYork = fake.addAccount(new FakeAccount(NEW_YORK_ID, "USD", "America/New_York", "NY"));
        berlin = fake.addAccount(new FakeAccount(BERLIN_ID, "EUR", "Europe/Berlin", "Berlin"));
        connector = Connectors.create(Platform.SNAPCHAT, Env.of(fake.environment()), WireClient.withDefaults());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void springForwardInNewYorkAsksFromMinusFiveToMinusFour() {
        newYork.spend(LocalDate.of(2024, 3, 9), "c", "10.01")
                .spend(LocalDate.of(2024, 3, 10), "c", "20.02")
                .spend(LocalDate.of(2024, 3, 11), "c", "30.03");
        DateRange range = DateRange.of(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 11));

        SpendReport report = fetch(newYork, range);

        assertThat(statsQueries()).singleElement().satisfies(query -> assertThat(query)
                .contains("start_time=2024-03-09T00%3A00%3A00.000-05%3A00")
                .contains("end_time=2024-03-12T00%3A00%3A00.000-04%3A00"));
        assertThat(report.days()).containsExactly(
                usd(2024, 3, 9, "10.01"), usd(2024, 3, 10, "20.02"), usd(2024, 3, 11, "30.03"));
    }

    @Test
    void fallBackInNewYorkAsksFromMinusFourToMinusFive() {
        newYork.spend(LocalDate.of(2024, 11, 3), "c", "7.77");
        DateRange range = DateRange.of(LocalDate.of(2024, 11, 2), LocalDate.of(2024, 11, 4));

        SpendReport report = fetch(newYork, range);

        assertThat(statsQueries()).singleElement().satisfies(query -> assertThat(query)
                .contains("start_time=2024-11-02T00%3A00%3A00.000-04%3A00")
                .contains("end_time=2024-11-05T00%3A00%3A00.000-05%3A00"));
        assertThat(report.days()).containsExactly(
                usd(2024, 11, 2, "0"), usd(2024, 11, 3, "7.77"), usd(2024, 11, 4, "0"));
    }

    @Test
    void positiveOffsetIsPercentEncodedSoItDoesNotArriveAsASpace() {
        berlin.spend(LocalDate.of(2024, 3, 30), "c", "1.50").spend(LocalDate.of(2024, 3, 31), "c", "2.50");
        DateRange range = DateRange.of(LocalDate.of(2024, 3, 30), LocalDate.of(2024, 4, 1));

        SpendReport report = fetch(berlin, range);

        assertThat(statsQueries()).singleElement().satisfies(query -> assertThat(query)
                .contains("start_time=2024-03-30T00%3A00%3A00.000%2B01%3A00")
                .contains("end_time=2024-04-02T00%3A00%3A00.000%2B02%3A00")
                .doesNotContain("+"));
        assertThat(report.days()).extracting(d -> d.spend().toDecimalString()).containsExactly("1.50", "2.50", "0.00");
        assertThat(report.days()).allSatisfy(d -> assertThat(d.spend().currency()).isEqualTo("EUR"));
    }

    @Test
    void aLongRangeAcrossFallBackIsSplitIntoPartsOfAtMost31Days() {
        LocalDate from = LocalDate.of(2024, 10, 20);
        LocalDate to = LocalDate.of(2024, 11, 28);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(2)) {
            newYork.spend(day, "c", day.getDayOfMonth() + ".25");
        }

        SpendReport report = fetch(newYork, DateRange.of(from, to));

        assertThat(statsQueries()).hasSize(2);
        assertThat(statsQueries().get(0))
                .contains("start_time=2024-10-20T00%3A00%3A00.000-04%3A00")
                .contains("end_time=2024-11-20T00%3A00%3A00.000-05%3A00");
        assertThat(statsQueries().get(1))
                .contains("start_time=2024-11-20T00%3A00%3A00.000-05%3A00")
                .contains("end_time=2024-11-29T00%3A00%3A00.000-05%3A00");
        assertThat(report.days()).hasSize(40);
        assertThat(report.days()).allSatisfy(d ->
                assertThat(d.spend()).isEqualTo(Money.ofMajor(newYork.totalOn(d.date()), "USD")));
        assertThat(report.requestIds()).hasSize(2);
    }

    // ---- the fake refuses what Snap refuses ----

    @ParameterizedTest(name = "{0} .. {1}")
    @CsvSource({
            // the offset of the day before the switch: March 10 begins at -05:00 in New York
            "2024-03-10T00:00:00.000-04:00, 2024-03-11T00:00:00.000-04:00",
            // the right offset but not midnight
            "2024-03-09T01:00:00.000-05:00, 2024-03-11T00:00:00.000-04:00",
            // midnight of another zone
            "2024-03-09T00:00:00.000Z, 2024-03-11T00:00:00.000Z",
            // end before start
            "2024-03-11T00:00:00.000-04:00, 2024-03-09T00:00:00.000-05:00",
            // 33 days
            "2024-01-01T00:00:00.000-05:00, 2024-02-03T00:00:00.000-05:00"})
    void theFakeRefusesTimesThatAreNotLocalMidnightsWithinThirtyTwoDays(String start, String end) throws Exception {
        HttpResponse<String> answer = rawStats(NEW_YORK_ID, encode(start), encode(end));

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(body.get("request_status").asString()).isEqualTo("ERROR");
        assertThat(body.get("request_id").asString()).isNotBlank();
        assertThat(body.get("debug_message").asString()).startsWith("Unsupported Stats Query:");
    }

    @Test
    void theFakeServesExactlyThirtyTwoDays() throws Exception {
        HttpResponse<String> answer = rawStats(NEW_YORK_ID,
                encode("2024-01-01T00:00:00.000-05:00"), encode("2024-02-02T00:00:00.000-05:00"));

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /**
     * Whether Snap counts its 32 days as calendar days or as 32 x 24 hours is not documented; the fake takes
     * the stricter reading, which is why the connector asks for at most 31 days.
     */
    @Test
    void theFakeCountsThirtyTwoDaysInHoursSoThirtyTwoDaysAcrossFallBackAreRefused() throws Exception {
        HttpResponse<String> answer = rawStats(NEW_YORK_ID,
                encode("2024-10-15T00:00:00.000-04:00"), encode("2024-11-16T00:00:00.000-05:00"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("cannot query time intervals of more than 32 days");
        assertThat(connector.descriptor().maxDaysPerRequest()).isEqualTo(31);
    }

    @Test
    void anUnencodedPlusArrivesAsASpaceAndIsRefused() throws Exception {
        HttpResponse<String> answer = rawStats(BERLIN_ID,
                "2024-03-30T00:00:00.000+01:00", "2024-04-02T00:00:00.000+02:00");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Invalid start_time: 2024-03-30T00:00:00.000 01:00");
    }

    // ---- helpers ----

    private SpendReport fetch(FakeAccount account, DateRange range) {
        fake.clearRequests();
        AccountId id = AccountId.of(Platform.SNAPCHAT, account.id());
        return InParts.dailySpend(connector, id,
                new AccountInfo(account.currency(), account.timeZone(), account.name()), range);
    }

    private List<String> statsQueries() {
        return fake.requests().stream()
                .filter(r -> r.path().endsWith("/stats"))
                .map(RecordedRequest::rawQuery)
                .toList();
    }

    private static DailySpend usd(int year, int month, int day, String amount) {
        return new DailySpend(LocalDate.of(year, month, day), Money.parseMajor(amount, "USD"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<String> rawStats(String accountId, String start, String end) throws Exception {
        URI uri = URI.create(fake.baseUrl() + "/v1/adaccounts/" + accountId
                + "/stats?granularity=DAY&fields=spend&start_time=" + start + "&end_time=" + end);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + fake.credentials().accessToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
