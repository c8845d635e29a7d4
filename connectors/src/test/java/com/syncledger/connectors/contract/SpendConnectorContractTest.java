package com.syncledger.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
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
import com.syncledger.connectors.wire.WireListener;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakeCredentials;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.RecordedRequest;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every connector keeps, run against its sandbox fake over real HTTP on loopback. A
 * platform's test extends this class, names its fake and account ids, and declares its {@link Behavior}s;
 * nothing here is skipped silently.
 */
public abstract class SpendConnectorContractTest {

    /** The platform under test. */
    protected abstract Platform platform();

    /** A new, not yet started fake of the platform. */
    protected abstract FakePlatform newFake();

    /**
     * Four distinct valid account ids in the platform's format, for the fixture accounts: a USD account
     * in New York, a JPY account in Tokyo, a EUR account in Berlin and a USD account with long history.
     */
    protected abstract List<String> accountIds();

    /** HTTP requests one {@code dailySpend} of a short range on one page takes, token requests excluded. */
    protected abstract int requestsPerSpendFetch();

    /** The request header that carries the access token (e.g. {@code Authorization}). */
    protected abstract String authHeader();

    protected abstract Set<Behavior> behaviors();

    /**
     * Whether {@code request} carries its credential in the URL itself, as a pre-signed report download does,
     * and so no {@link #authHeader()}. None does unless the platform says so.
     */
    protected boolean authenticatedByUrl(RecordedRequest request) {
        return false;
    }

    /** How the platform answers for an account the token cannot see or that does not exist. */
    protected ErrorKind unknownAccountKind() {
        return ErrorKind.NOT_FOUND;
    }

    /** A valid id of an account the fake does not have. */
    protected abstract String unknownAccountId();

    /**
     * The time zone the platform cuts {@code account}'s days in, as {@code accountInfo} must report it. Most
     * platforms use the account's own zone; one that cuts every account's days in UTC overrides this.
     */
    protected ZoneId expectedTimeZone(FakeAccount account) {
        return account.timeZone();
    }

    /**
     * Every reading of the platform's UNSURE facts that the sandbox can play, the documented one first. A
     * platform whose other readings cannot be played lists only the first, and says why in its docs.
     */
    protected abstract List<Reading> readings();

    // ---- fixture ----

    protected FakePlatform fake;
    protected SpendConnector connector;
    protected FakeAccount usd;
    protected FakeAccount jpy;
    protected FakeAccount eur;
    protected FakeAccount longHistory;
    protected DateRange range;
    private CapturedLogs logs;
    private final List<String> seenErrorTexts = new ArrayList<>();

    @BeforeEach
    void startFake() {
        logs = new CapturedLogs();
        fake = newFake().start();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        range = DateRange.of(start, start.plusDays(9));
        List<String> ids = accountIds();
        usd = fake.addAccount(new FakeAccount(canonical(ids.get(0)), "USD", "America/New_York", "Contract USD"));
        jpy = fake.addAccount(new FakeAccount(canonical(ids.get(1)), "JPY", "Asia/Tokyo", "Contract JPY"));
        eur = fake.addAccount(new FakeAccount(canonical(ids.get(2)), "EUR", "Europe/Berlin", "Contract EUR"));
        longHistory = fake.addAccount(DemoData.generate(
                new DemoData.DemoAccount(platform().slug(), canonical(ids.get(3)), "USD", "America/New_York", "Long"),
                start.plusDays(9), 200));
        for (int i = 0; i < 10; i++) {
            LocalDate day = start.plusDays(i);
            if (i == 3 || i == 7) {
                continue; // days without spend: the platform omits them
            }
            usd.spend(day, "cmp-a", "12.34").spend(day, "cmp-b", (i + 1) + ".66");
            jpy.spend(day, "cmp-a", String.valueOf(1200 + i)).spend(day, "cmp-b", "35");
            eur.spend(day, "cmp-a", "99.99");
        }
        // Spend just outside the range must not leak in.
        usd.spend(start.minusDays(1), "cmp-a", "1000.00").spend(start.plusDays(10), "cmp-a", "2000.00");
        connector = connector(fake.environment(), WireClient.withDefaults());
    }

    @AfterEach
    void stopFake() {
        fake.close();
        logs.close();
    }

    /** The account id as the fake keys it: the platform's canonical form. */
    private String canonical(String id) {
        return AccountId.of(platform(), id).value();
    }

    protected SpendConnector connector(Map<String, String> env, WireClient wire) {
        return Connectors.create(platform(), Env.of(env), wire);
    }

    protected AccountId id(FakeAccount account) {
        return AccountId.of(platform(), account.id());
    }

    protected AccountInfo info(FakeAccount account) {
        return new AccountInfo(account.currency(), expectedTimeZone(account), account.name());
    }

    /** The ground truth of {@code account} over {@code range}, every day, in micros. */
    protected static List<DailySpend> truth(FakeAccount account, DateRange range) {
        return range.dates()
                .map(day -> new DailySpend(day, Money.ofMajor(account.totalOn(day), account.currency())))
                .toList();
    }

    protected List<RecordedRequest> apiRequests() {
        String tokenUrl = fake.tokenUrl();
        return fake.requests().stream()
                .filter(r -> !(fake.baseUrl() + r.path()).equals(tokenUrl))
                .toList();
    }

    protected long tokenRequests() {
        return fake.requests().size() - apiRequests().size();
    }

    protected <E extends ConnectorException> E failure(Class<E> type, Runnable call) {
        E error = catchThrowableOfType(type, call::run);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        seenErrorTexts.add(error.toString());
        return error;
    }

    protected ConnectorException anyFailure(Runnable call) {
        return failure(ConnectorException.class, call);
    }

    // ---- descriptor ----

    @Test
    void descriptorDescribesThePlatform() {
        ConnectorDescriptor d = connector.descriptor();
        assertThat(d.platform()).isEqualTo(platform());
        assertThat(d.apiVersion()).isNotBlank();
        assertThat(d.maxDaysPerRequest()).isPositive();
        assertThat(d.restatementDays()).isPositive();
        assertThat(d.retentionDays()).isGreaterThanOrEqualTo(d.restatementDays());
        assertThat(d.rateLimit()).isNotNull();
    }

    // ---- reading ----

    @Test
    void accountInfoIsThePlatformsCurrencyAndTimeZone() {
        AccountInfo info = connector.accountInfo(id(usd));
        assertThat(info.currency()).isEqualTo("USD");
        assertThat(info.timeZone()).isEqualTo(expectedTimeZone(usd));
        AccountInfo yen = connector.accountInfo(id(jpy));
        assertThat(yen.currency()).isEqualTo("JPY");
        assertThat(yen.timeZone()).isEqualTo(expectedTimeZone(jpy));
    }

    @Test
    void dailySpendIsExactZeroFilledAndInsideTheRange() {
        SpendReport report = connector.dailySpend(id(usd), info(usd), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
        assertThat(report.days().get(3).spend()).isEqualTo(Money.zero("USD"));
        assertThat(report.total("USD").toDecimalString()).isEqualTo("147.00");
    }

    @Test
    void zeroDecimalCurrencyIsExact() {
        SpendReport report = connector.dailySpend(id(jpy), info(jpy), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(jpy, range));
        assertThat(report.days().get(0).spend().toDecimalString()).isEqualTo("1235");
    }

    @Test
    void identicalReadsGiveIdenticalResults() {
        // Request ids differ from call to call; the days must not.
        assertThat(connector.dailySpend(id(usd), info(usd), range).days())
                .isEqualTo(connector.dailySpend(id(usd), info(usd), range).days());
    }

    @Test
    void aRestatedDayIsReadAgain() {
        connector.dailySpend(id(usd), info(usd), range);
        usd.spend(range.from().plusDays(1), "cmp-a", "50.01");
        SpendReport report = connector.dailySpend(id(usd), info(usd), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
        assertThat(report.days().get(1).spend().toDecimalString()).isEqualTo("52.67");
    }

    @Test
    void aRangeLongerThanOneRequestIsRefusedWithoutARequest() {
        int max = connector.descriptor().maxDaysPerRequest();
        DateRange tooLong = DateRange.of(range.to().minusDays(max), range.to());
        fake.clearRequests();
        ConnectorException error = failure(ConnectorException.InvalidRequest.class,
                () -> connector.dailySpend(id(longHistory), info(longHistory), tooLong));
        assertThat(error.retryable()).isFalse();
        assertThat(error.platform()).isEqualTo(platform());
        assertThat(error.getMessage()).contains(String.valueOf(max), "split");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aLongRangeReadInPartsOfTheMaximumIsExact() {
        int max = connector.descriptor().maxDaysPerRequest();
        // Within the platform's retention (range ends 11 days ago): a faithful fake refuses older days.
        int days = Math.min(Math.min(max + 5, 200), connector.descriptor().retentionDays() - 10);
        DateRange longRange = DateRange.of(range.to().minusDays(days - 1L), range.to());
        fake.clearRequests();
        // The caller splits (the fetch engine does, by the descriptor), the connector reads each part.
        List<DailySpend> read = longRange.split(max).stream()
                .flatMap(part -> connector.dailySpend(id(longHistory), info(longHistory), part).days().stream())
                .toList();
        assertThat(read).containsExactlyElementsOf(truth(longHistory, longRange));
        if (days > max) {
            assertThat(apiRequests()).hasSizeGreaterThanOrEqualTo(2 * requestsPerSpendFetch());
        } else if (!behaviors().contains(Behavior.PAGINATION)) {
            assertThat(apiRequests()).as("a range within the maximum is one fetch").hasSize(requestsPerSpendFetch());
        }
    }

    @Test
    void exactlyTheExpectedRequestsAndTheAuthHeaderOnEach() {
        fake.clearRequests();
        connector.dailySpend(id(usd), info(usd), range);
        assertThat(apiRequests()).hasSize(requestsPerSpendFetch());
        assertThat(apiRequests()).filteredOn(r -> !authenticatedByUrl(r)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header(authHeader())).isPresent());
    }

    @Test
    void everyPageIsCollected() {
        if (!behaviors().contains(Behavior.PAGINATION)) {
            assertThat(fake.pageSize()).as("a platform without pagination has no page size").isZero();
            fake.clearRequests();
            SpendReport report = connector.dailySpend(id(usd), info(usd), range);
            assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
            assertThat(apiRequests()).as("without pagination the whole range comes in one answer")
                    .hasSize(requestsPerSpendFetch());
            return;
        }
        fake.pageSize(2);
        fake.clearRequests();
        SpendReport report = connector.dailySpend(id(usd), info(usd), range);
        assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
        assertThat(apiRequests()).hasSizeGreaterThan(requestsPerSpendFetch());
    }

    @Test
    void twoAccountsFetchedInParallelDoNotMix() throws Exception {
        List<Callable<Boolean>> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FakeAccount account = i % 2 == 0 ? usd : eur;
            jobs.add(() -> connector.dailySpend(id(account), info(account), range).days()
                    .equals(truth(account, range)));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    // ---- readings ----

    /**
     * Each reading on a fake of its own: the recent range of two accounts, the oldest part of the long history
     * the platform keeps, and (where the history reaches it) a range across New York's last clock change. Every
     * day reported must be the ground truth; a day the answer cannot vouch for may only be missing.
     */
    @TestFactory
    Stream<DynamicTest> underEveryReadingExactOrRefusedLoudly() {
        return readings().stream().map(reading -> DynamicTest.dynamicTest(
                platform().slug() + ": " + reading + clockChange().map(c -> ", across " + c).orElse(""),
                () -> underReading(reading)));
    }

    private void underReading(Reading reading) {
        try (FakePlatform variant = newFake().start()) {
            List.of(usd, jpy, eur, longHistory).forEach(variant::addAccount);
            reading.onFake().accept(variant);
            SpendConnector read = connector(variant.environment(), WireClient.withDefaults());
            List<Runnable> checks = new ArrayList<>();
            // The account lookup first, as a sync does: some readings show (and are refused) there.
            checks.add(() -> read.accountInfo(id(usd)));
            checks.add(() -> assertThat(read.dailySpend(id(usd), info(usd), range).days())
                    .containsExactlyElementsOf(truth(usd, range)));
            checks.add(() -> assertThat(read.dailySpend(id(jpy), info(jpy), range).days())
                    .containsExactlyElementsOf(truth(jpy, range)));
            checks.add(() -> assertVouchedDaysAreTrue(read, oldestKeptPart()));
            clockChange().ifPresent(change -> checks.add(() -> assertThat(read.dailySpend(id(longHistory),
                    info(longHistory), change).days()).containsExactlyElementsOf(truth(longHistory, change))));
            if (reading.unobservable() != null) {
                // Nothing in the answer tells this reading apart: the dates come as the platform sent them.
                SpendReport report = read.dailySpend(id(usd), info(usd), range);
                assertThat(report.days()).allSatisfy(day -> assertThat(range.contains(day.date())).isTrue());
                return;
            }
            for (Runnable check : checks) {
                if (reading.refusal() == null) {
                    check.run();
                    continue;
                }
                // The first call that fails must be the loud refusal; any that answers must be exact.
                ConnectorException error = catchThrowableOfType(ConnectorException.class, check::run);
                if (error != null) {
                    seenErrorTexts.add(error.toString());
                    assertThat(error.kind()).isEqualTo(reading.refusedAs());
                    assertThat(error.getMessage()).contains(reading.refusal());
                    return;
                }
            }
            assertThat(reading.refusal()).as("expected a loud refusal, every call answered").isNull();
        }
    }

    private void assertVouchedDaysAreTrue(SpendConnector read, DateRange part) {
        SpendReport report = read.dailySpend(id(longHistory), info(longHistory), part);
        Map<LocalDate, DailySpend> truth = new HashMap<>();
        truth(longHistory, part).forEach(d -> truth.put(d.date(), d));
        assertThat(report.days()).allSatisfy(day -> assertThat(day).isEqualTo(truth.get(day.date())));
    }

    /** The oldest request-sized part of the long history the platform still keeps. */
    private DateRange oldestKeptPart() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int back = Math.min(connector.descriptor().retentionDays() - 2, 195);
        LocalDate from = today.minusDays(back);
        LocalDate to = from.plusDays(Math.min(connector.descriptor().maxDaysPerRequest(), 30) - 1L);
        return DateRange.of(from, to.isAfter(range.to()) ? range.to() : to);
    }

    /** Five days either side of New York's last clock change, when the long history and retention reach it. */
    private Optional<DateRange> clockChange() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var transition = ZoneId.of("America/New_York").getRules().previousTransition(Instant.now());
        LocalDate day = transition.getInstant().atZone(ZoneId.of("America/New_York")).toLocalDate();
        LocalDate oldest = range.to().minusDays(190);
        boolean kept = !day.minusDays(5).isBefore(today.minusDays(connector.descriptor().retentionDays() - 2));
        if (day.minusDays(5).isBefore(oldest) || day.plusDays(5).isAfter(range.to()) || !kept) {
            return Optional.empty();
        }
        return Optional.of(DateRange.of(day.minusDays(5), day.plusDays(Math.min(5,
                connector.descriptor().maxDaysPerRequest() - 6))));
    }

    // ---- failures ----

    @Test
    void throttlingIsRateLimitedWithoutAHiddenRetry() {
        fake.failNext(Fault.THROTTLE, 1);
        fake.clearRequests();
        ConnectorException error = anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(error.retryable()).isTrue();
        assertThat(error.platform()).isEqualTo(platform());
        assertThat(error.requestId()).isNotBlank();
        if (behaviors().contains(Behavior.RETRY_HINT)) {
            assertThat(error.retryAfter()).isPresent();
        }
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void serverErrorIsTransient() {
        fake.failNext(Fault.SERVER_ERROR, 1);
        fake.clearRequests();
        ConnectorException error = anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(error.retryable()).isTrue();
        assertThat(error.httpStatus()).isGreaterThanOrEqualTo(500);
        assertThat(apiRequests()).hasSize(1);
    }

    @Test
    void malformedBodyIsABadResponseNeverZero() {
        fake.failNext(Fault.MALFORMED, 1);
        ConnectorException error = anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void revokedTokenIsAuthWithThePlatformsCodeAndRequestId() {
        fake.revokeTokens();
        ConnectorException error = anyFailure(() -> connector.accountInfo(id(usd)));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.retryable()).isFalse();
        assertThat(error.platformCode()).isNotBlank();
    }

    @Test
    void wrongAccessTokenIsAuth() {
        Map<String, String> env = new HashMap<>(fake.environment());
        boolean hasAccessToken = env.keySet().stream().anyMatch(k -> k.endsWith("_ACCESS_TOKEN"));
        if (hasAccessToken) {
            env.replaceAll((k, v) -> k.endsWith("_ACCESS_TOKEN") ? "not-a-valid-token" : v);
            env.keySet().removeIf(k -> k.endsWith("_REFRESH_TOKEN"));
        } else {
            env.replaceAll((k, v) -> k.endsWith("_REFRESH_TOKEN") ? "not-a-valid-refresh-token" : v);
        }
        SpendConnector wrong = connector(env, WireClient.withDefaults());
        ConnectorException error = anyFailure(() -> wrong.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
    }

    @Test
    void anExpiredTokenIsRefreshedOnceOrReportedAsAuth() {
        connector.accountInfo(id(usd));
        fake.expireAccessTokens();
        fake.clearRequests();
        if (behaviors().contains(Behavior.REFRESH_TOKEN)) {
            SpendReport report = connector.dailySpend(id(usd), info(usd), range);
            assertThat(report.days()).containsExactlyElementsOf(truth(usd, range));
            assertThat(tokenRequests()).isEqualTo(1);
        } else {
            ConnectorException error = anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
            assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        }
    }

    @Test
    void unknownAccountIsReportedNeverZero() {
        AccountId unknown = AccountId.of(platform(), unknownAccountId());
        ConnectorException error = anyFailure(() -> connector.accountInfo(unknown));
        assertThat(error.kind()).isEqualTo(unknownAccountKind());
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        fake.latency(Duration.ofSeconds(2));
        SpendConnector impatient = connector(fake.environment(),
                new WireClient(Duration.ofSeconds(1), Duration.ofMillis(200), WireListener.NONE));
        ConnectorException error = anyFailure(() -> impatient.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void unreachableHostIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort;
        Map<String, String> env = new HashMap<>(fake.environment());
        env.replaceAll((k, v) -> k.endsWith("_BASE_URL") ? dead : v);
        SpendConnector unreachable = connector(env, WireClient.withDefaults());
        ConnectorException error = anyFailure(() -> unreachable.dailySpend(id(usd), info(usd), range));
        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void noSecretInLogsErrorsOrToString() {
        fake.failNext(Fault.THROTTLE, 1);
        anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
        fake.revokeTokens();
        anyFailure(() -> connector.dailySpend(id(usd), info(usd), range));
        FakeCredentials secrets = fake.credentials();
        String everything = String.join("\n", seenErrorTexts) + connector + connector.descriptor() + logs.text();
        Stream.of(secrets.accessToken(), secrets.refreshToken(), secrets.clientSecret(), secrets.developerToken())
                .forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

}
