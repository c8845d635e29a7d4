package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.contract.InParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.Connectors;
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
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.tiktok.TikTokFake;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TikTok specifics over real HTTP against its fake: 30-day windows, query-string parameters, HTTP-200 errors. */
class TikTokConnectorTest {

    private static final String ADVERTISER = "7001234567890123456";

    private TikTokFake fake;
    private FakeAccount account;
    private SpendConnector connector;

    @BeforeEach
    void start() {
        fake = new TikTokFake();
        fake.start();
        account = fake.addAccount(new FakeAccount(ADVERTISER, "USD", "America/New_York", "Acme US"));
        connector = Connectors.create(Platform.TIKTOK, Env.of(fake.environment()), WireClient.withDefaults());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private AccountId id() {
        return AccountId.of(Platform.TIKTOK, ADVERTISER);
    }

    private AccountInfo info() {
        return new AccountInfo("USD", account.timeZone(), account.name());
    }

    @Test
    void fortyFiveDaysAreTwoRequestsOfThirtyAndFifteenDays() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        DateRange range = DateRange.of(from, from.plusDays(44));
        range.dates().filter(d -> d.getDayOfMonth() % 4 != 0).forEach(d -> account.spend(d, "c1", "10.05"));

        SpendReport report = InParts.dailySpend(connector, id(), info(), range);

        assertThat(report.days()).containsExactlyElementsOf(range.dates()
                .map(d -> new DailySpend(d, Money.ofMajor(account.totalOn(d), "USD"))).toList());
        List<Map<String, String>> queries = fake.requests().stream().map(TikTokConnectorTest::query).toList();
        assertThat(queries).hasSize(2);
        assertThat(queries.get(0)).containsEntry("start_date", "2026-01-01").containsEntry("end_date", "2026-01-30");
        assertThat(queries.get(1)).containsEntry("start_date", "2026-01-31").containsEntry("end_date", "2026-02-14");
        assertThat(report.requestIds()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void everyParameterTravelsInTheQueryStringAsTikTokSpellsIt() {
        account.spend(LocalDate.of(2026, 3, 2), "c1", "1.00");
        connector.dailySpend(id(), info(), DateRange.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7)));

        RecordedRequest request = fake.requests().getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/open_api/v1.3/report/integrated/get/");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Access-Token")).contains(fake.credentials().accessToken());
        assertThat(request.header("Authorization")).isEmpty();
        assertThat(request.rawQuery())
                .contains("dimensions=%5B%22advertiser_id%22%2C%22stat_time_day%22%5D")
                .contains("metrics=%5B%22spend%22%5D");
        assertThat(query(request))
                .containsEntry("advertiser_id", ADVERTISER)
                .containsEntry("report_type", "BASIC")
                .containsEntry("data_level", "AUCTION_ADVERTISER")
                .containsEntry("dimensions", "[\"advertiser_id\",\"stat_time_day\"]")
                .containsEntry("metrics", "[\"spend\"]")
                .containsEntry("start_date", "2026-03-01")
                .containsEntry("end_date", "2026-03-07")
                .containsEntry("page", "1")
                .containsEntry("page_size", "1000");
    }

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource({
            "40100, RATE_LIMITED",
            "40133, RATE_LIMITED",
            "40016, RATE_LIMITED",
            "40102, AUTH",
            "40105, AUTH",
            "40104, AUTH",
            "40107, AUTH",
            "40113, AUTH",
            "40001, PERMISSION",
            "40106, PERMISSION",
            "40300, NOT_FOUND",
            "40301, NOT_FOUND",
            "40067, INVALID_REQUEST",
            "40002, INVALID_REQUEST",
            "40006, INVALID_REQUEST",
            "50000, TRANSIENT",
            "50002, TRANSIENT",
            "60001, TRANSIENT",
    })
    void http200ErrorsAreClassifiedByTheirCode(long code, ErrorKind kind) {
        fake.answerNextWith(code, "scripted error " + code);
        DateRange range = DateRange.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7));

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(id(), info(), range));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.platformCode()).isEqualTo(String.valueOf(code));
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.getMessage()).contains("scripted error " + code);
        assertThat(error.retryable()).isEqualTo(kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.TRANSIENT);
        assertThat(error.retryAfter()).as("TikTok sends no retry hint").isEmpty();
        assertThat(fake.requests()).as("no hidden retry").hasSize(1);
    }

    @Test
    void aDashInsteadOfSpendIsABadResponseNeverZero() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        account.spend(LocalDate.of(2026, 3, 2), "c1", "4.20");
        fake.reportNoValueOn(ADVERTISER, day);

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(id(), info(), DateRange.of(day.minusDays(2), day.plusDays(2))));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.getMessage()).contains("'-'").contains(day.toString());
        assertThat(error.requestId()).isNotBlank();
    }

    @Test
    void accountInfoTakesTheTzDatabaseNameNotTheOffsetZone() {
        AccountInfo info = connector.accountInfo(id());
        assertThat(info.timeZone().getId()).isEqualTo("America/New_York");
        assertThat(info.currency()).isEqualTo("USD");
        assertThat(info.name()).isEqualTo("Acme US");
        assertThat(query(fake.requests().getFirst()))
                .containsEntry("advertiser_ids", "[\"" + ADVERTISER + "\"]");
    }

    @Test
    void anUnservedApiVersionIsAnInvalidRequestNamingTheSetting() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.put("TIKTOK_API_VERSION", "v1.2");
        SpendConnector old = Connectors.create(Platform.TIKTOK, Env.of(env), WireClient.withDefaults());

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> old.accountInfo(id()));

        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.getMessage()).contains("TIKTOK_API_VERSION");
    }

    private static Map<String, String> query(RecordedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.rawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
