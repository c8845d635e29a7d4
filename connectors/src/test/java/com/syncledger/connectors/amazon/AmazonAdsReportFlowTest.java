package com.syncledger.connectors.amazon;

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
import com.syncledger.sandbox.amazon.AmazonAdProduct;
import com.syncledger.sandbox.amazon.AmazonAdsFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The asynchronous report flow against the Amazon fake over real HTTP: split, duplicate, failure, deadline, download. */
class AmazonAdsReportFlowTest {

    private static final String PROFILE = "9007199254740993";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AmazonAdsFake fake;
    private FakeAccount account;
    private LocalDate yesterday;

    @BeforeEach
    void start() {
        fake = new AmazonAdsFake();
        fake.start();
        account = fake.addAccount(new FakeAccount(PROFILE, "USD", "America/Los_Angeles", "Flow USD"));
        yesterday = LocalDate.now(account.timeZone()).minusDays(1);
        for (int i = 0; i < 80; i++) {
            LocalDate day = yesterday.minusDays(i);
            if (i % 6 == 5) {
                continue;
            }
            // cmp-1..3 fall into the three ad products, so every report has rows.
            account.spend(day, "cmp-1", "10.01").spend(day, "cmp-2", (i % 9) + ".37").spend(day, "cmp-3", "0.10");
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void fortyFiveDaysAreTwoReportsPerProductSplitAtThirtyOneDays() {
        DateRange range = DateRange.of(yesterday.minusDays(44), yesterday);
        SpendReport report = InParts.dailySpend(connector(Map.of()), id(), info(), range);

        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        List<JsonNode> creates = creates().stream().map(r -> JSON.readTree(r.body())).toList();
        assertThat(creates).hasSize(6);
        Map<String, List<String>> windowsByType = creates.stream().collect(Collectors.groupingBy(
                c -> c.get("configuration").get("reportTypeId").asString(),
                Collectors.mapping(c -> c.get("startDate").asString() + ".." + c.get("endDate").asString(),
                        Collectors.toList())));
        String first = range.from() + ".." + range.from().plusDays(30);
        String second = range.from().plusDays(31) + ".." + range.to();
        assertThat(windowsByType).containsOnlyKeys("spCampaigns", "sbCampaigns", "sdCampaigns");
        assertThat(windowsByType.values()).allSatisfy(windows -> assertThat(windows).containsExactly(first, second));
        assertThat(creates).allSatisfy(c -> {
            assertThat(c.get("configuration").get("timeUnit").asString()).isEqualTo("DAILY");
            assertThat(c.get("configuration").get("groupBy").toString()).isEqualTo("[\"campaign\"]");
        });
        assertThat(creates()).allSatisfy(r -> {
            assertThat(r.header("Content-Type")).hasValue("application/vnd.createasyncreportrequest.v3+json");
            assertThat(r.header("Amazon-Advertising-API-Scope")).hasValue(PROFILE);
            assertThat(r.header("Amazon-Advertising-API-ClientId")).hasValue(fake.credentials().clientId());
        });
        assertThat(downloads()).hasSize(6);
    }

    @Test
    void aDuplicateReportIsPolledInsteadOfCreatedAgain() {
        DateRange range = DateRange.of(yesterday.minusDays(9), yesterday);
        // A first attempt gives up while its reports are still being generated.
        fake.reportsFinishOnPoll(Integer.MAX_VALUE);
        SpendConnector impatient = connector(Map.of("AMAZON_REPORT_TIMEOUT", "0.5"));
        catchThrowableOfType(ConnectorException.Timeout.class, () -> impatient.dailySpend(id(), info(), range));
        Set<String> firstAttemptReports = polledReportIds();
        assertThat(firstAttemptReports).hasSize(3);

        // The identical requests are answered 425 "duplicate of : <id>": the connector waits for those reports.
        fake.reportsFinishOnPoll(1);
        fake.clearRequests();
        SpendReport report = connector(Map.of()).dailySpend(id(), info(), range);

        assertThat(report.days()).containsExactlyElementsOf(truth(range));
        assertThat(creates()).hasSize(3);
        assertThat(polledReportIds()).isEqualTo(firstAttemptReports);
        assertThat(fake.requests()).hasSize(3 + 3 + 3);
    }

    @Test
    void aFailedReportIsAnErrorNeverZero() {
        fake.failReports(AmazonAdProduct.SPONSORED_BRANDS, "Report generation failed due to an internal error.");
        DateRange range = DateRange.of(yesterday.minusDays(9), yesterday);

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(Map.of()).dailySpend(id(), info(), range));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(error.platformCode()).isEqualTo("FAILED");
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.getMessage()).contains("sbCampaigns", "Report generation failed due to an internal error.");
    }

    @Test
    void reportsUnfinishedAtTheDeadlineAreATimeout() {
        fake.reportsFinishOnPoll(Integer.MAX_VALUE);
        SpendConnector connector = connector(Map.of("AMAZON_REPORT_TIMEOUT", "0.5"));

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(id(), info(), DateRange.of(yesterday.minusDays(9), yesterday)));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(error.retryable()).isTrue();
        assertThat(error.platformCode()).isEqualTo("PROCESSING");
        assertThat(error.getMessage()).contains(polledReportIds());
        assertThat(downloads()).isEmpty();
    }

    @Test
    void theReportFileIsDownloadedWithoutTheApisCredentials() throws Exception {
        connector(Map.of()).dailySpend(id(), info(), DateRange.of(yesterday.minusDays(9), yesterday));

        List<RecordedRequest> downloads = downloads();
        assertThat(downloads).hasSize(3).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEmpty();
            assertThat(r.header("Amazon-Advertising-API-ClientId")).isEmpty();
            assertThat(r.header("Amazon-Advertising-API-Scope")).isEmpty();
            assertThat(r.rawQuery()).contains("X-Amz-Signature=");
        });
        // The fake, like S3, refuses the same URL when it also brings an Authorization header.
        URI url = URI.create(fake.baseUrl() + downloads.get(0).path() + "?" + downloads.get(0).rawQuery());
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> withAuth = http.send(HttpRequest.newBuilder(url)
                    .header("Authorization", "Bearer " + fake.credentials().accessToken()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.body()[0] & 0xff).isEqualTo(0x1f);
            assertThat(withAuth.statusCode()).isEqualTo(400);
            assertThat(withAuth.body()).contains("<Code>InvalidArgument</Code>");
        }
    }

    @Test
    void aThreeDecimalCurrencyIsExactThroughTheGzippedFile() {
        FakeAccount kwd = fake.addAccount(new FakeAccount("18014398509481985", "KWD", "Asia/Kuwait", "Flow KWD"));
        LocalDate day = LocalDate.now(kwd.timeZone()).minusDays(2);
        kwd.spend(day, "cmp-1", "1.001").spend(day, "cmp-2", "0.333").spend(day, "cmp-3", "12345678.125");
        AccountId kwdId = AccountId.of(Platform.AMAZON, kwd.id());
        SpendConnector connector = connector(Map.of());

        AccountInfo info = connector.accountInfo(kwdId);
        SpendReport report = connector.dailySpend(kwdId, info, DateRange.single(day));

        assertThat(info.currency()).isEqualTo("KWD");
        assertThat(report.days()).containsExactly(new DailySpend(day, Money.parseMajor("12345679.459", "KWD")));
    }

    @Test
    void aProductTheProfileDoesNotHaveContributesNothingInsteadOfFailing() {
        FakeAccount author = fake.addAccount(new FakeAccount("2840235221595557", "USD", "America/New_York", "KDP"));
        LocalDate day = LocalDate.now(author.timeZone()).minusDays(2);
        for (String campaign : List.of("cmp-1", "cmp-2", "cmp-3")) {
            if (AmazonAdProduct.of(campaign) != AmazonAdProduct.SPONSORED_BRANDS) {
                author.spend(day, campaign, "4.20");
            }
        }
        fake.withoutProduct(author.id(), AmazonAdProduct.SPONSORED_BRANDS);
        AccountId authorId = AccountId.of(Platform.AMAZON, author.id());
        SpendConnector connector = connector(Map.of());

        SpendReport report = connector.dailySpend(authorId, connector.accountInfo(authorId), DateRange.single(day));

        assertThat(report.days()).containsExactly(new DailySpend(day, Money.parseMajor("8.40", "USD")));
        assertThat(downloads()).hasSize(2);
    }

    @Test
    void aProfileOfAnotherRegionOrWithoutAccessIsAPermissionError() {
        AccountId stranger = AccountId.of(Platform.AMAZON, "4444444444444444");

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> connector(Map.of())
                .dailySpend(stranger, info(), DateRange.single(yesterday)));

        assertThat(error.kind()).isEqualTo(ErrorKind.PERMISSION);
        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(error.requestId()).isNotBlank();
    }

    private SpendConnector connector(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.putAll(overrides);
        return Connectors.create(Platform.AMAZON, Env.of(env), WireClient.withDefaults());
    }

    private AccountId id() {
        return AccountId.of(Platform.AMAZON, PROFILE);
    }

    private AccountInfo info() {
        return new AccountInfo(account.currency(), account.timeZone(), account.name());
    }

    private List<DailySpend> truth(DateRange range) {
        return range.dates().map(d -> new DailySpend(d, Money.ofMajor(account.totalOn(d), account.currency()))).toList();
    }

    private List<RecordedRequest> creates() {
        return fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/reporting/reports"))
                .toList();
    }

    private List<RecordedRequest> downloads() {
        return fake.requests().stream().filter(r -> r.path().startsWith(AmazonAdsFake.STORAGE_PATH)).toList();
    }

    private Set<String> polledReportIds() {
        return fake.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/reporting/reports/"))
                .map(r -> r.path().substring("/reporting/reports/".length()))
                .collect(Collectors.toSet());
    }
}
