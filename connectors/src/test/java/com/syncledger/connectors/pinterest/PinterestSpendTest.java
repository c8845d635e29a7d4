package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.contract.InParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.pinterest.PinterestFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pinterest spend over real HTTP against the fake: micros of the account's own currency, 90-day requests,
 * and analytics that only reach 90 days back.
 */
class PinterestSpendTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private PinterestFake fake;
    private SpendConnector connector;

    @BeforeEach
    void start() {
        fake = new PinterestFake();
        fake.start();
        connector = Connectors.create(Platform.PINTEREST, Env.of(fake.environment()), WireClient.withDefaults());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void spendInMicroDollarIsMicroEurosForAEuroAccount() {
        FakeAccount euro = fake.addAccount(new FakeAccount("549755813888", "EUR", "Europe/Berlin", "Alpine"));
        LocalDate day = TODAY.minusDays(5);
        euro.spend(day, "a", "99.99").spend(day, "b", "0.01").spend(day.plusDays(2), "a", "1234.56");

        AccountInfo info = connector.accountInfo(id(euro));
        SpendReport report = connector.dailySpend(id(euro), info, DateRange.of(day, day.plusDays(2)));

        assertThat(info.currency()).isEqualTo("EUR");
        assertThat(report.days()).extracting(d -> d.spend()).containsExactly(
                Money.ofMicros(100_000_000, "EUR"), Money.zero("EUR"), Money.ofMicros(1_234_560_000, "EUR"));
        assertThat(onlyAnalyticsQuery()).contains("columns=SPEND_IN_MICRO_DOLLAR").contains("granularity=DAY");
    }

    @Test
    void spendInMicroDollarIsMicroYenForAYenAccount() {
        FakeAccount yen = fake.addAccount(new FakeAccount("549755814001", "JPY", "Asia/Tokyo", "Tokyo"));
        LocalDate day = TODAY.minusDays(3);
        yen.spend(day, "a", "1234").spend(day.plusDays(1), "a", "7");

        SpendReport report = connector.dailySpend(id(yen), connector.accountInfo(id(yen)),
                DateRange.of(day, day.plusDays(1)));

        assertThat(report.days()).extracting(d -> d.spend().toDecimalString()).containsExactly("1234", "7");
        assertThat(report.days().get(0).spend()).isEqualTo(Money.ofMicros(1_234_000_000L, "JPY"));
    }

    @Test
    void theFakeSendsMicrosOfTheAccountCurrencyAndLeavesOutDaysWithoutSpend() throws Exception {
        FakeAccount euro = fake.addAccount(new FakeAccount("549755813888", "EUR", "Europe/Berlin", "Alpine"));
        LocalDate day = TODAY.minusDays(5);
        euro.spend(day, "a", "12.34");

        JsonNode rows = JsonMapper.builder().build().readTree(raw("/v5/ad_accounts/549755813888/analytics?start_date="
                + day + "&end_date=" + day.plusDays(2) + "&columns=SPEND_IN_MICRO_DOLLAR&granularity=DAY").body());

        assertThat(rows.isArray()).isTrue();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("DATE").asString()).isEqualTo(day.toString());
            assertThat(row.get("SPEND_IN_MICRO_DOLLAR").longValue()).isEqualTo(12_340_000L);
        });
    }

    @Test
    void ninetyOneDaysAreSplitAtNinety() {
        FakeAccount usd = fake.addAccount(new FakeAccount("547602124502", "USD", "America/New_York", "NY"));
        LocalDate first = TODAY.minusDays(90);
        usd.spend(first, "a", "1.01").spend(TODAY.minusDays(1), "a", "2.02").spend(TODAY, "a", "3.03");
        fake.clearRequests();

        SpendReport report = InParts.dailySpend(connector, id(usd), info(usd), DateRange.of(first, TODAY));

        assertThat(analyticsQueries()).containsExactly(
                "start_date=" + first + "&end_date=" + TODAY.minusDays(1)
                        + "&columns=SPEND_IN_MICRO_DOLLAR&granularity=DAY",
                "start_date=" + TODAY + "&end_date=" + TODAY + "&columns=SPEND_IN_MICRO_DOLLAR&granularity=DAY");
        assertThat(report.days()).hasSize(91);
        assertThat(report.total("USD").toDecimalString()).isEqualTo("6.06");
        assertThat(report.requestIds()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void ninetyDaysAreOneRequest() {
        FakeAccount usd = fake.addAccount(new FakeAccount("547602124502", "USD", "America/New_York", "NY"));
        fake.clearRequests();

        connector.dailySpend(id(usd), info(usd), DateRange.of(TODAY.minusDays(89), TODAY));

        assertThat(analyticsQueries()).hasSize(1);
    }

    @Test
    void daysOlderThanNinetyDaysAreRefusedNeverZero() {
        FakeAccount usd = fake.addAccount(new FakeAccount("547602124502", "USD", "America/New_York", "NY"));
        DateRange old = DateRange.of(TODAY.minusDays(120), TODAY.minusDays(100));

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(id(usd), info(usd), old));

        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.platformCode()).isEqualTo("1");
        assertThat(error.requestId()).startsWith("pinterest-req-");
        assertThat(error.getMessage()).contains("last 90 days");
        assertThat(connector.descriptor().retentionDays()).isLessThanOrEqualTo(90);
    }

    @Test
    void theFakeAllowsNinetyDaysBetweenStartAndEndButNotMore() throws Exception {
        fake.addAccount(new FakeAccount("547602124502", "USD", "America/New_York", "NY"));
        String path = "/v5/ad_accounts/547602124502/analytics?columns=SPEND_IN_MICRO_DOLLAR&granularity=DAY";
        LocalDate start = TODAY.minusDays(90);

        HttpResponse<String> ninety = raw(path + "&start_date=" + start + "&end_date=" + start.plusDays(90));
        HttpResponse<String> ninetyOne = raw(path + "&start_date=" + start + "&end_date=" + start.plusDays(91));

        assertThat(ninety.statusCode()).isEqualTo(200);
        assertThat(ninetyOne.statusCode()).isEqualTo(400);
        assertThat(ninetyOne.body()).contains("\"code\":1");
        assertThat(ninetyOne.headers().firstValue("x-pinterest-rid")).isPresent();
    }

    @Test
    void anAccountWithoutATimeZoneIsOnUtc() {
        AccountInfo info = PinterestMapper.accountInfo(
                JsonMapper.builder().build().readTree("{\"id\":\"1\",\"currency\":\"GBP\",\"name\":\"n\"}"), "1", "r");

        assertThat(info.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(info.currency()).isEqualTo("GBP");
    }

    // ---- helpers ----

    private static AccountId id(FakeAccount account) {
        return AccountId.of(Platform.PINTEREST, account.id());
    }

    private static AccountInfo info(FakeAccount account) {
        return new AccountInfo(account.currency(), account.timeZone(), account.name());
    }

    private List<String> analyticsQueries() {
        return fake.requests().stream()
                .filter(r -> r.path().endsWith("/analytics"))
                .map(RecordedRequest::rawQuery)
                .toList();
    }

    /** The one spend query; before it, the lookup of a non-UTC account may have asked for its day-zone check. */
    private String onlyAnalyticsQuery() {
        List<String> spend = analyticsQueries().stream()
                .filter(query -> !query.contains("reporting_timezone"))
                .toList();
        List<String> dayZoneCheck = analyticsQueries().stream().filter(query -> query.contains("reporting_timezone"))
                .toList();
        assertThat(spend).hasSize(1 + dayZoneCheck.size());
        return spend.get(spend.size() - 1);
    }

    private HttpResponse<String> raw(String pathAndQuery) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                            .header("Authorization", "Bearer " + fake.credentials().accessToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
