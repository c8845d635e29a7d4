package com.syncledger.app.fetch;

import static com.syncledger.app.fetch.ScriptedConnector.auth;
import static com.syncledger.app.fetch.ScriptedConnector.spendOn;
import static com.syncledger.app.fetch.ScriptedConnector.throttled;
import static com.syncledger.app.fetch.ScriptedConnector.transientError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FetchEngineTest {

    /** 02:00 UTC on 10 March 2026: already the 10th in Berlin, still the 9th in New York. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Env CONFIGURED = Env.of(Map.of("META_ACCESS_TOKEN", "t", "TIKTOK_ACCESS_TOKEN", "t"));
    private static final FetchSettings FAST = FetchSettings.defaults()
            .withRetries(4, Duration.ofMillis(1), Duration.ofMillis(4))
            .withMaxRetryAfter(Duration.ofMillis(5));

    private final Map<Platform, ScriptedConnector> connectors = new EnumMap<>(Platform.class);
    private final AtomicInteger created = new AtomicInteger();

    private FetchEngine engine(FetchSettings settings) {
        return FetchEngine.builder(CONFIGURED).settings(settings).clock(NOW)
                .connectors((platform, env, wire) -> {
                    created.incrementAndGet();
                    return Optional.ofNullable(connectors.get(platform));
                })
                .build();
    }

    private static AccountId meta(String id) {
        return AccountId.of(Platform.META, id);
    }

    private static DateRange range(String from, String to) {
        return DateRange.parse(from, to);
    }

    private static Money expectedTotal(DateRange range) {
        return range.dates().map(d -> spendOn(d, "USD")).reduce(Money.zero("USD"), Money::plus);
    }

    @Test
    void aSinkGetsEveryDayAndItsResultHoldsNone() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        connectors.put(Platform.META, meta);
        DateRange range = range("2025-11-01", "2026-01-15");
        List<SpendReport> chunks = new ArrayList<>();
        List<AccountFetch> finished = new ArrayList<>();
        AccountSink sink = new AccountSink() {
            @Override
            public AccountId account() {
                return meta("act_1");
            }

            @Override
            public DateRange info(AccountInfo info) {
                return range;
            }

            @Override
            public void chunk(SpendReport chunk) {
                chunks.add(chunk);
            }

            @Override
            public void finished(AccountFetch result) {
                finished.add(result);
            }
        };

        AccountFetch result = engine(FAST).fetch(List.of(sink), true).getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.OK);
        assertThat(result.range()).isEqualTo(range);
        assertThat(result.report()).isNull();
        assertThat(finished).containsExactly(result);
        assertThat(chunks).extracting(SpendReport::range).containsExactly(range("2025-12-31", "2026-01-15"),
                range("2025-12-01", "2025-12-30"), range("2025-11-01", "2025-11-30"));
        assertThat(chunks.stream().flatMap(c -> c.days().stream()).map(DailySpend::spend)
                .reduce(Money.zero("USD"), Money::plus)).isEqualTo(expectedTotal(range));
    }

    @Test
    void noMoreAccountsOfAPlatformRunAtOnceThanItsSlots() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        connectors.put(Platform.META, meta);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        meta.beforeInfo = () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
        };
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            requests.add(FetchRequest.of(meta(String.valueOf(i)), range("2026-02-01", "2026-02-02")));
        }
        FetchEngine engine = FetchEngine.builder(CONFIGURED).settings(FAST).clock(NOW).accountsInFlight(2)
                .connectors((platform, env, wire) -> Optional.ofNullable(connectors.get(platform)))
                .build();

        List<AccountFetch> results = engine.fetch(requests);

        assertThat(results).extracting(AccountFetch::status).containsOnly(FetchStatus.OK);
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void splitsTheRangeByThePlatformsLongestRequestAndJoinsEveryDayExactly() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        connectors.put(Platform.META, meta);
        DateRange range = range("2025-11-01", "2026-01-15");

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("act_1"), range))).getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.OK);
        assertThat(result.error()).isNull();
        assertThat(meta.calls).containsExactly("info 1", "spend 1 2025-11-01..2025-11-30",
                "spend 1 2025-12-01..2025-12-30", "spend 1 2025-12-31..2026-01-15");
        assertThat(result.report().range()).isEqualTo(range);
        assertThat(result.report().days()).extracting(DailySpend::date).containsExactlyElementsOf(range.dates().toList());
        assertThat(result.report().total("USD")).isEqualTo(expectedTotal(range));
        assertThat(result.report().requestIds()).containsExactly("req-2025-11-01", "req-2025-12-01", "req-2025-12-31");
        assertThat(result.info().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aBackfillTakesTheNewestChunkFirstAndTellsTheListenerOfEachChunkInThatOrder() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 10);
        connectors.put(Platform.META, meta);
        List<DateRange> heard = new ArrayList<>();

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-01-01", "2026-01-25"))),
                (account, info, chunk) -> heard.add(chunk.range()), true).getFirst();

        assertThat(heard).containsExactly(range("2026-01-21", "2026-01-25"), range("2026-01-11", "2026-01-20"),
                range("2026-01-01", "2026-01-10"));
        assertThat(result.report().days().getFirst().date()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(result.report().total("USD")).isEqualTo(expectedTotal(range("2026-01-01", "2026-01-25")));
    }

    @Test
    void retriesTransientErrorsAndThrottlingThroughToTheExactResult() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30)
                .failInfo(transientError(Platform.META))
                .failSpend(throttled(Platform.META, Duration.ofMillis(2)), transientError(Platform.META));
        connectors.put(Platform.META, meta);
        DateRange range = range("2026-02-01", "2026-02-20");

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range))).getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.OK);
        assertThat(result.report().total("USD")).isEqualTo(expectedTotal(range));
        assertThat(meta.calls).containsExactly("info 1", "info 1", "spend 1 " + range, "spend 1 " + range,
                "spend 1 " + range);
    }

    @Test
    void authErrorsFailAtOnceWithThePlatformsCodeAndRequestIdAndNoSpend() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30).failInfo(auth(Platform.META));
        connectors.put(Platform.META, meta);

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-02"))))
                .getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.FAILED);
        assertThat(result.report()).isNull();
        assertThat(result.info()).isNull();
        assertThat(result.range()).isNull();
        assertThat(result.error()).isEqualTo(new FetchError(ErrorKind.AUTH, "token revoked", "190", "req-401"));
        assertThat(meta.calls).containsExactly("info 1");
    }

    @Test
    void retriesAreBoundedByTheNumberOfAttempts() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30).failSpend(transientError(Platform.META),
                transientError(Platform.META), transientError(Platform.META), transientError(Platform.META),
                transientError(Platform.META));
        connectors.put(Platform.META, meta);

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-02"))))
                .getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.FAILED);
        assertThat(result.error().kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(result.error().message()).isEqualTo("try later (gave up after 4 attempts)");
        assertThat(result.error().requestId()).isEqualTo("req-503");
        assertThat(meta.calls).filteredOn(c -> c.startsWith("spend")).hasSize(4);
        // The info was known before the spend failed: it is reported, the spend is not.
        assertThat(result.info().currency()).isEqualTo("USD");
        assertThat(result.range()).isEqualTo(range("2026-02-01", "2026-02-02"));
        assertThat(result.report()).isNull();
    }

    @Test
    void noRetryStartsWhenThePlatformsHintWouldPassTheAccountsDeadline() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30).failSpend(throttled(Platform.META,
                Duration.ofHours(1)));
        connectors.put(Platform.META, meta);
        FetchSettings patientButShort = FAST.withMaxRetryAfter(Duration.ofHours(2)).withAccountDeadline(Duration.ofSeconds(30));

        AccountFetch result = engine(patientButShort)
                .fetch(List.of(FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-02")))).getFirst();

        assertThat(result.error().kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(result.error().message()).isEqualTo("slow down");
        assertThat(meta.calls).containsExactly("info 1", "spend 1 2026-02-01..2026-02-02");
    }

    @Test
    void aHintLongerThanTheCapIsCutToIt() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30).failSpend(throttled(Platform.META,
                Duration.ofHours(1)));
        connectors.put(Platform.META, meta);

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-02"))))
                .getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.OK);
        assertThat(new RetryLayer(FAST).hint(throttled(Platform.META, Duration.ofHours(1))))
                .isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void aPlatformWithoutCredentialsOrWithoutAConnectorIsNotConfiguredAndNeverAsked() {
        ScriptedConnector linkedin = ScriptedConnector.usd(Platform.LINKEDIN, 30);
        connectors.put(Platform.LINKEDIN, linkedin);
        // TikTok has credentials but (here) no connector; LinkedIn has a connector but no credentials.
        List<AccountFetch> results = engine(FAST).fetch(List.of(
                FetchRequest.of(AccountId.of(Platform.LINKEDIN, "512345678"), range("2026-02-01", "2026-02-02")),
                FetchRequest.of(AccountId.of(Platform.TIKTOK, "7001234567890123456"), range("2026-02-01", "2026-02-02"))));

        assertThat(results).extracting(AccountFetch::status)
                .containsExactly(FetchStatus.NOT_CONFIGURED, FetchStatus.NOT_CONFIGURED);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.report()).isNull();
            assertThat(r.error()).isNull();
            assertThat(r.range()).isNull();
        });
        assertThat(linkedin.calls).isEmpty();
    }

    @Test
    void oneConnectorPerPlatformIsBuiltAndReused() {
        connectors.put(Platform.META, ScriptedConnector.usd(Platform.META, 30));
        FetchEngine engine = engine(FAST);
        List<FetchRequest> requests = List.of(FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-02")),
                FetchRequest.of(meta("2"), range("2026-02-01", "2026-02-02")));

        engine.fetch(requests);
        engine.fetch(requests);

        assertThat(created).hasValue(1);
    }

    @Test
    void everyAccountRunsAtTheSameTimeAndResultsKeepTheRequestOrder() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        ScriptedConnector tiktok = ScriptedConnector.usd(Platform.TIKTOK, 30);
        connectors.put(Platform.META, meta);
        connectors.put(Platform.TIKTOK, tiktok);
        // Each account info waits until all six accounts are asking at once: a sequential engine never gets past.
        CyclicBarrier allAtOnce = new CyclicBarrier(6);
        Runnable await = () -> {
            try {
                allAtOnce.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the accounts were not fetched concurrently", e);
            }
        };
        meta.beforeInfo = await;
        tiktok.beforeInfo = await;
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requests.add(FetchRequest.of(meta(String.valueOf(i)), range("2026-02-01", "2026-02-02")));
            requests.add(FetchRequest.of(AccountId.of(Platform.TIKTOK, "700" + i), range("2026-02-01", "2026-02-02")));
        }

        List<AccountFetch> results = engine(FAST).fetch(requests);

        assertThat(results).extracting(AccountFetch::status).containsOnly(FetchStatus.OK);
        assertThat(results).extracting(r -> r.account().input())
                .containsExactly("1", "7001", "2", "7002", "3", "7003");
    }

    @Test
    void aDayThatHasNotBegunInTheAccountsTimeZoneIsRefusedRatherThanReportedAsZero() {
        ScriptedConnector meta = new ScriptedConnector(Platform.META, 30, 365, a -> new AccountInfo("EUR",
                ZoneId.of(a.value().equals("1") ? "Europe/Berlin" : "America/New_York"), null));
        connectors.put(Platform.META, meta);
        DateRange untilTheTenth = range("2026-03-01", "2026-03-10");

        List<AccountFetch> results = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), untilTheTenth),
                FetchRequest.of(meta("2"), untilTheTenth)));

        assertThat(results.get(0).status()).isEqualTo(FetchStatus.OK);
        assertThat(results.get(1).status()).isEqualTo(FetchStatus.FAILED);
        assertThat(results.get(1).error().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(results.get(1).error().message()).contains("after today (2026-03-09)", "America/New_York");
        assertThat(meta.calls).containsExactlyInAnyOrder("info 1", "info 2", "spend 1 " + untilTheTenth);
    }

    @Test
    void daysOlderThanThePlatformKeepsAreRefusedRatherThanReportedAsZero() {
        ScriptedConnector amazon = new ScriptedConnector(Platform.META, 30, 60,
                a -> new AccountInfo("USD", ZoneId.of("UTC"), null));
        connectors.put(Platform.META, amazon);

        List<AccountFetch> results = engine(FAST).fetch(List.of(
                FetchRequest.of(meta("1"), range("2026-01-08", "2026-01-09")),
                FetchRequest.of(meta("2"), range("2026-01-09", "2026-01-10"))));

        assertThat(results.get(0).error().message()).contains("before the oldest day", "2026-01-09");
        assertThat(results.get(1).status()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void theRangeIsResolvedFromTheAccountsInfo() {
        ScriptedConnector meta = new ScriptedConnector(Platform.META, 30, 365,
                a -> new AccountInfo("USD", ZoneId.of("Pacific/Kiritimati"), null));
        connectors.put(Platform.META, meta);

        AccountFetch result = engine(FAST).fetch(List.of(new FetchRequest(meta("1"),
                info -> DateRange.single(LocalDate.now(NOW.withZone(info.timeZone())).minusDays(1))))).getFirst();

        // 02:00 UTC is 16:00 in UTC+14: "yesterday" there is the 9th.
        assertThat(result.range()).isEqualTo(DateRange.single(LocalDate.parse("2026-03-09")));
    }

    @Test
    void aRangeFunctionThatFailsFailsOnlyItsAccount() {
        connectors.put(Platform.META, ScriptedConnector.usd(Platform.META, 30));

        List<AccountFetch> results = engine(FAST).fetch(List.of(
                new FetchRequest(meta("1"), info -> { throw new IllegalArgumentException("no baseline yet"); }),
                FetchRequest.of(meta("2"), range("2026-02-01", "2026-02-01"))));

        assertThat(results.get(0).error().kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(results.get(0).error().message()).contains("no baseline yet");
        assertThat(results.get(1).status()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void aConnectorAnsweringForOtherDaysIsABadResponseNotSpend() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        meta.answeredRange = r -> DateRange.of(r.from().minusDays(1), r.to().minusDays(1));
        connectors.put(Platform.META, meta);

        AccountFetch result = engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-02-02", "2026-02-03"))))
                .getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.FAILED);
        assertThat(result.error().kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(result.report()).isNull();
    }

    @Test
    void aConnectorDefectFailsItsAccountAsABadResponseWithoutRetryAndSparesTheOthers() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30)
                .failSpend(new NullPointerException("missing field"));
        connectors.put(Platform.META, meta);
        connectors.put(Platform.TIKTOK, ScriptedConnector.usd(Platform.TIKTOK, 30));

        List<AccountFetch> results = engine(FAST).fetch(List.of(
                FetchRequest.of(meta("1"), range("2026-02-01", "2026-02-01")),
                FetchRequest.of(AccountId.of(Platform.TIKTOK, "7001"), range("2026-02-01", "2026-02-01"))));

        assertThat(results.get(0).error().kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        // The type only: an arbitrary exception message could carry a URL or a token into stored runs.
        assertThat(results.get(0).error().message()).contains("NullPointerException").doesNotContain("missing field");
        assertThat(meta.calls).filteredOn(c -> c.startsWith("spend")).hasSize(1);
        assertThat(results.get(1).status()).isEqualTo(FetchStatus.OK);
    }

    @Test
    void aFailingChunkFailsTheAccountAfterTheListenerHeardTheChunksBeforeIt() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 10);
        connectors.put(Platform.META, meta);
        List<SpendReport> heard = new ArrayList<>();
        FetchEngine engine = engine(FAST);
        ChunkListener listener = (account, info, chunk) -> {
            heard.add(chunk);
            meta.failSpend(auth(Platform.META));
        };

        AccountFetch result = engine.fetch(List.of(FetchRequest.of(meta("1"), range("2026-01-01", "2026-01-20"))),
                listener, false).getFirst();

        assertThat(result.status()).isEqualTo(FetchStatus.FAILED);
        assertThat(result.report()).isNull();
        assertThat(heard).extracting(SpendReport::range).containsExactly(range("2026-01-01", "2026-01-10"));
    }

    @Test
    void anExceptionFromTheListenerEndsTheFetchWithIt() {
        connectors.put(Platform.META, ScriptedConnector.usd(Platform.META, 30));

        assertThatThrownBy(() -> engine(FAST).fetch(List.of(FetchRequest.of(meta("1"), range("2026-01-01", "2026-01-02"))),
                (account, info, chunk) -> { throw new IllegalStateException("ledger is down"); }, false))
                .isInstanceOf(IllegalStateException.class).hasMessage("ledger is down");
    }
}
