package com.syncledger.connectors.linkedin;

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
import com.syncledger.sandbox.linkedin.LinkedInFake;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LinkedIn specifics over real HTTP against its fake: the exact Rest.li query, versions, access, refresh. */
class LinkedInConnectorTest {

    private static final DateRange JANUARY = DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

    private LinkedInFake fake;
    private FakeAccount account;
    private SpendConnector connector;

    @BeforeEach
    void start() {
        fake = new LinkedInFake();
        fake.start();
        account = fake.addAccount(new FakeAccount("123", "EUR", "Europe/Berlin", "Acme EU"));
        account.spend(LocalDate.of(2026, 1, 5), "c1", "209.449").spend(LocalDate.of(2026, 1, 5), "c2", "10.00");
        account.spend(LocalDate.of(2026, 1, 31), "c1", "0.5");
        connector = connector(fake.environment());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static SpendConnector connector(Map<String, String> env) {
        return Connectors.create(Platform.LINKEDIN, Env.of(env), WireClient.withDefaults());
    }

    private static AccountInfo eur() {
        return new AccountInfo("EUR", ZoneId.of("UTC"), "Acme EU");
    }

    private List<RecordedRequest> apiRequests() {
        return fake.requests().stream().filter(r -> r.path().startsWith("/rest/")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "urn:li:sponsoredAccount:123"})
    void theQueryIsRestLiTwoWithLeavesEncodedExactlyOnce(String input) {
        SpendReport report = connector.dailySpend(AccountId.of(Platform.LINKEDIN, input), eur(), JANUARY);

        assertThat(fake.requests()).hasSize(1);
        RecordedRequest request = fake.requests().getFirst();
        assertThat(request.path()).isEqualTo("/rest/adAnalytics");
        assertThat(request.rawQuery()).isEqualTo("q=analytics&pivot=ACCOUNT&timeGranularity=DAILY"
                + "&dateRange=(start:(year:2026,month:1,day:1),end:(year:2026,month:1,day:31))"
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A123)"
                + "&fields=costInLocalCurrency,dateRange");
        assertThat(report.days().get(4)).isEqualTo(new DailySpend(LocalDate.of(2026, 1, 5),
                Money.parseMajor("219.449", "EUR")));
        assertThat(report.days().get(30).spend()).isEqualTo(Money.parseMajor("0.50", "EUR"));
        assertThat(report.total("EUR")).isEqualTo(Money.parseMajor("219.949", "EUR"));
        assertThat(report.requestIds()).hasSize(1);
    }

    @Test
    void everyCallCarriesTheVersionAndProtocolHeaders() {
        connector.accountInfo(AccountId.of(Platform.LINKEDIN, "123"));
        connector.dailySpend(AccountId.of(Platform.LINKEDIN, "123"), eur(), JANUARY);

        assertThat(apiRequests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("LinkedIn-Version")).contains(LinkedInConnector.DEFAULT_API_VERSION);
            assertThat(r.header("X-Restli-Protocol-Version")).contains("2.0.0");
            assertThat(r.header("Authorization")).contains("Bearer " + fake.credentials().accessToken());
        });
        assertThat(apiRequests().getFirst().path()).isEqualTo("/rest/adAccounts/123");
    }

    @Test
    void accountInfoIsTheAccountCurrencyAndUtcDays() {
        AccountInfo info = connector.accountInfo(AccountId.of(Platform.LINKEDIN, "urn:li:sponsoredAccount:123"));
        assertThat(info).isEqualTo(new AccountInfo("EUR", ZoneId.of("UTC"), "Acme EU"));
    }

    @Test
    void aSunsetVersionIsAnInvalidRequestSayingWhichSettingToUpdate() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.put("LINKEDIN_API_VERSION", "202407");
        SpendConnector old = connector(env);

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> old.dailySpend(AccountId.of(Platform.LINKEDIN, "123"), eur(), JANUARY));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.retryable()).isFalse();
        assertThat(error.httpStatus()).isEqualTo(426);
        assertThat(error.platformCode()).isEqualTo("NONEXISTENT_VERSION");
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.getMessage()).contains("202407").contains("LINKEDIN_API_VERSION")
                .contains("Requested version 20240701 is not active");
        assertThat(fake.requests()).as("no refresh, no retry").hasSize(1);
    }

    @Test
    void theDefaultVersionGivesTheSameClearErrorOnceLinkedInSunsetsIt() {
        fake.oldestActiveVersion("202604");
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.accountInfo(AccountId.of(Platform.LINKEDIN, "123")));
        assertThat(error.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(error.getMessage()).contains(LinkedInConnector.DEFAULT_API_VERSION).contains("LINKEDIN_API_VERSION");
    }

    @Test
    void anAccountTheTokenCannotReadIsNotFoundNeverZero() {
        // adAnalytics answers such an account with no elements, like an idle one; adAccounts tells them apart.
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(AccountId.of(Platform.LINKEDIN, "999"), eur(), JANUARY));

        assertThat(error).isNotNull();
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(apiRequests()).extracting(RecordedRequest::path)
                .containsExactly("/rest/adAnalytics", "/rest/adAccounts/999");
    }

    @Test
    void anIdleReadableAccountIsZeroAfterItsAccessIsConfirmed() {
        DateRange idle = DateRange.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10));
        SpendReport report = connector.dailySpend(AccountId.of(Platform.LINKEDIN, "123"), eur(), idle);

        assertThat(report.days()).hasSize(10).allSatisfy(d -> assertThat(d.spend()).isEqualTo(Money.zero("EUR")));
        assertThat(apiRequests()).extracting(RecordedRequest::path)
                .containsExactly("/rest/adAnalytics", "/rest/adAccounts/123");
    }

    @Test
    void moreThanAYearIsSplitIntoContiguousRequests() {
        DateRange long400 = DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 2, 4));
        SpendReport report = InParts.dailySpend(connector, AccountId.of(Platform.LINKEDIN, "123"), eur(), long400);

        assertThat(report.days()).hasSize(400);
        assertThat(report.total("EUR")).isEqualTo(Money.parseMajor("219.949", "EUR"));
        // Each part is one call: the 2025 part has no elements, so that call proves the account readable itself.
        assertThat(apiRequests()).extracting(RecordedRequest::rawQuery).containsExactly(
                LinkedInConnector.analyticsQuery("123", DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))),
                null,
                LinkedInConnector.analyticsQuery("123", DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 4))));
        assertThat(apiRequests().get(1).path()).isEqualTo("/rest/adAccounts/123");
    }

    @Test
    void withOnlyARefreshTokenTheFirstCallRefreshesOnce() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove("LINKEDIN_ACCESS_TOKEN");
        SpendConnector refreshing = connector(env);

        refreshing.dailySpend(AccountId.of(Platform.LINKEDIN, "123"), eur(), JANUARY);
        refreshing.accountInfo(AccountId.of(Platform.LINKEDIN, "123"));

        assertThat(fake.requests()).extracting(RecordedRequest::path)
                .containsExactly(LinkedInFake.TOKEN_PATH, "/rest/adAnalytics", "/rest/adAccounts/123");
        assertThat(fake.requests().getFirst().body()).contains("grant_type=refresh_token")
                .contains("client_id=" + fake.credentials().clientId());
        assertThat(apiRequests()).allSatisfy(r -> assertThat(r.header("Authorization")).isPresent()
                .get().asString().startsWith("Bearer linkedin-access-"));
    }

    @Test
    void aRevokedTokenIsNotRefreshed() {
        fake.revokeTokens();
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.accountInfo(AccountId.of(Platform.LINKEDIN, "123")));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("REVOKED_ACCESS_TOKEN");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void throttlingCarriesNoRetryHint() {
        fake.failNext(com.syncledger.sandbox.Fault.THROTTLE, 1);
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(AccountId.of(Platform.LINKEDIN, "123"), eur(), JANUARY));
        assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(error.httpStatus()).isEqualTo(429);
        assertThat(error.platformCode()).isEqualTo("101");
        assertThat(error.retryAfter()).isEmpty();
    }
}
