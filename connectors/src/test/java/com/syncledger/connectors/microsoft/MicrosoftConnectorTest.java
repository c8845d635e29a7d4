package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.contract.InParts;
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
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Microsoft-specific behaviour over real HTTP against the fake. */
class MicrosoftConnectorTest {

    private MicrosoftFake fake;
    private FakeAccount usd;
    private FakeAccount idle;
    private DateRange range;
    private final List<Secret> rotations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fake = new MicrosoftFake().start();
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(15);
        range = DateRange.of(first, first.plusDays(6));
        usd = fake.addAccount(new FakeAccount("149012345", "USD", "America/New_York", "Northwind Bing"));
        idle = fake.addAccount(new FakeAccount("149054321", "EUR", "Europe/Berlin", "Idle Bing"));
        range.dates().forEach(day -> usd.spend(day, "cmp-a", "1234.56").spend(day, "cmp-b", "0.07"));
        usd.spend(range.from().plusDays(2), "cmp-a", "0");
        usd.spend(range.from().plusDays(2), "cmp-b", "0");
        idle.spend(range.from().minusDays(1), "cmp-a", "9.99"); // outside the range only
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SpendConnector connector(Map<String, String> env) {
        return MicrosoftFactory.connector(Env.of(env), WireClient.withDefaults(),
                Clock.systemUTC(), rotations::add);
    }

    private SpendConnector connector() {
        return connector(fake.environment());
    }

    private static AccountId id(FakeAccount account) {
        return AccountId.of(Platform.MICROSOFT, account.id());
    }

    private static AccountInfo info(FakeAccount account) {
        return new AccountInfo(account.currency(), account.timeZone(), account.name());
    }

    private static List<DailySpend> truth(FakeAccount account, DateRange range) {
        return range.dates().map(day -> new DailySpend(day, Money.ofMajor(account.totalOn(day), account.currency())))
                .toList();
    }

    private List<RecordedRequest> apiRequests() {
        return fake.requests().stream().filter(r -> !(fake.baseUrl() + r.path()).equals(fake.tokenUrl())).toList();
    }

    private List<RecordedRequest> tokenRequests() {
        return fake.requests().stream().filter(r -> (fake.baseUrl() + r.path()).equals(fake.tokenUrl())).toList();
    }

    // ---- the request ----

    @Test
    void submitsADailyAccountPerformanceReportWithTheDocumentedHeaders() {
        fake.clearRequests();
        connector().dailySpend(id(usd), info(usd), range);
        RecordedRequest submit = apiRequests().get(0);
        assertThat(submit.path()).isEqualTo("/Reporting/v13/GenerateReport/Submit");
        assertThat(submit.header("Authorization")).contains("Bearer " + fake.credentials().accessToken());
        assertThat(submit.header("DeveloperToken")).contains(fake.credentials().developerToken());
        assertThat(submit.header("CustomerId")).contains(MicrosoftFake.CUSTOMER_ID);
        assertThat(submit.header("CustomerAccountId")).contains(usd.id());
        JsonNode request = Json.MAPPER.readTree(submit.body()).get("ReportRequest");
        assertThat(request.get("Type").asString()).isEqualTo("AccountPerformanceReportRequest");
        assertThat(request.get("Aggregation").asString()).isEqualTo("Daily");
        assertThat(request.get("Columns").toString()).contains("\"TimePeriod\"", "\"Spend\"", "\"CurrencyCode\"");
        assertThat(request.get("Scope").get("AccountIds").toString()).isEqualTo("[\"" + usd.id() + "\"]");
        JsonNode time = request.get("Time");
        assertThat(time.get("CustomDateRangeStart").toString()).isEqualTo("{\"Day\":" + range.from().getDayOfMonth()
                + ",\"Month\":" + range.from().getMonthValue() + ",\"Year\":" + range.from().getYear() + "}");
        assertThat(time.get("ReportTimeZone").asString()).isEqualTo("EasternTimeUSCanada");
        assertThat(apiRequests()).extracting(RecordedRequest::path).containsExactly(
                "/Reporting/v13/GenerateReport/Submit", "/Reporting/v13/GenerateReport/Poll",
                "/Reporting/v13/GenerateReport/Poll");
    }

    @Test
    void theReportIsDownloadedWithoutApiCredentials() {
        connector().dailySpend(id(usd), info(usd), range);
        assertThat(fake.downloads()).hasSize(1);
        RecordedRequest download = fake.downloads().get(0);
        assertThat(download.header("Authorization")).isEmpty();
        assertThat(download.header("DeveloperToken")).isEmpty();
        assertThat(download.rawQuery()).contains("sig=");
    }

    @Test
    void accountInfoComesFromGetAccount() {
        AccountInfo info = connector().accountInfo(id(idle));
        assertThat(info).isEqualTo(new AccountInfo("EUR", idle.timeZone(), "Idle Bing"));
        assertThat(apiRequests()).extracting(RecordedRequest::path)
                .containsExactly("/CustomerManagement/v13/Account/Query");
    }

    // ---- report variants ----

    @Test
    void aReportWithAFooterTotalRowAndThousandsSeparatorsIsExact() {
        fake.totalRow(true);
        fake.thousandsSeparators(true);
        SpendReport report = connector().dailySpend(id(usd), info(usd), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
        assertThat(report.days().get(0).spend().toDecimalString()).isEqualTo("1234.63");
        assertThat(report.days().get(2).spend()).isEqualTo(Money.zero("USD"));
    }

    @Test
    void successWithoutADownloadUrlIsZeroOnEveryDay() {
        fake.clearRequests();
        SpendReport report = connector().dailySpend(id(idle), info(idle), range);
        assertThat(report.days()).hasSize(range.days())
                .allSatisfy(day -> assertThat(day.spend()).isEqualTo(Money.zero("EUR")));
        assertThat(fake.downloads()).isEmpty();
        assertThat(apiRequests()).hasSize(3);
        assertThat(report.requestIds()).hasSize(3);
    }

    @Test
    void aRangeLongerThanAYearIsFetchedAsTwoReports() {
        DateRange longRange = DateRange.of(range.to().minusDays(399), range.to());
        usd.spend(longRange.from(), "cmp-a", "3.21");
        fake.clearRequests();
        SpendReport report = InParts.dailySpend(connector(), id(usd), info(usd), longRange);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, longRange));
        assertThat(apiRequests()).filteredOn(r -> r.path().endsWith("/Submit")).hasSize(2);
    }

    // ---- tokens ----

    @Test
    void eachRefreshUsesTheRefreshTokenTheLastOneReturned() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("MICROSOFT_ACCESS_TOKEN");
        SpendConnector connector = connector(env);
        String configured = fake.credentials().refreshToken();

        connector.accountInfo(id(usd));
        assertThat(rotations).hasSize(1);
        String firstRotated = rotations.get(0).reveal();
        assertThat(firstRotated).isNotEqualTo(configured).isEqualTo(fake.currentRefreshToken());

        fake.expireAccessTokens();
        SpendReport report = connector.dailySpend(id(usd), info(usd), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));

        List<RecordedRequest> refreshes = tokenRequests();
        assertThat(refreshes).hasSize(2);
        assertThat(form(refreshes.get(0))).containsEntry("refresh_token", configured)
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("scope", "https://ads.microsoft.com/msads.manage offline_access");
        assertThat(form(refreshes.get(1))).containsEntry("refresh_token", firstRotated);
        assertThat(rotations).extracting(Secret::reveal).containsExactly(firstRotated, fake.currentRefreshToken());
    }

    @Test
    void theReplacedRefreshTokenNoLongerWorks() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("MICROSOFT_ACCESS_TOKEN");
        connector(env).accountInfo(id(usd));
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(env).accountInfo(id(usd)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("invalid_grant");
    }

    @Test
    void anExpiredAccessTokenWithoutARefreshTokenIsAuth() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("MICROSOFT_REFRESH_TOKEN");
        fake.expireAccessTokens();
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(env).dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("109");
        assertThat(tokenRequests()).isEmpty();
    }

    // ---- failures ----

    @Test
    void callRateExceededIsRateLimitedWithTheTrackingIdAndAMinuteToWait() {
        fake.failNext(Fault.THROTTLE, 1);
        fake.clearRequests();
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector().dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(error.platformCode()).isEqualTo("117");
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(error.requestId()).startsWith("0b0f43fa-");
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void aReportThatStaysPendingPastItsDeadlineIsATimeout() {
        fake.pendingPolls(1_000);
        Map<String, String> env = new HashMap<>(fake.environment());
        env.put("MICROSOFT_POLL_INTERVAL_MS", "10");
        env.put("MICROSOFT_REPORT_TIMEOUT", "PT0.2S");
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector(env).dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(error.requestId()).isNotBlank();
        assertThat(fake.downloads()).isEmpty();
    }

    @Test
    void aReportThatEndsInErrorIsTransient() {
        fake.reportsFail(true);
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector().dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(error.requestId()).isNotBlank();
    }

    @Test
    void anAccountTheUserCannotReportOnIsPermission() {
        AccountId stranger = AccountId.of(Platform.MICROSOFT, "555000111");
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector().dailySpend(stranger, info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.PERMISSION);
        assertThat(error.platformCode()).isEqualTo("2003");
    }

    @Test
    void anUnknownAccountIsNotFoundWithTheCustomerManagementCode() {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector().accountInfo(AccountId.of(Platform.MICROSOFT, "555000111")));
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.platformCode()).isEqualTo("2108");
        assertThat(error.requestId()).startsWith("0b0f43fa-");
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.body().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
