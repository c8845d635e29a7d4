package com.syncledger.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.database.TestApp;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class LedgerTest {

    private static ConfigurableApplicationContext app;
    private static final DateRange JAN_1_3 = DateRange.parse("2026-01-01", "2026-01-03");

    private Stores stores;
    private AdAccounts accounts;
    private SpendWriter writer;
    private SpendQueries queries;
    private Baselines baselines;
    private LedgerEntries entries;
    private SyncRuns runs;
    private JdbcClient jdbc;
    private Store store;
    private AdAccount meta;

    @BeforeAll
    static void start() {
        app = TestApp.start(false, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void newStore() {
        stores = app.getBean(Stores.class);
        accounts = app.getBean(AdAccounts.class);
        writer = app.getBean(SpendWriter.class);
        queries = app.getBean(SpendQueries.class);
        baselines = app.getBean(Baselines.class);
        entries = app.getBean(LedgerEntries.class);
        runs = app.getBean(SyncRuns.class);
        jdbc = app.getBean(JdbcClient.class);
        store = stores.create(new StoreInput("store " + System.nanoTime(), "Europe/Berlin", "eur"));
        meta = accounts.link(store.id(), AccountId.of(Platform.META, "act_" + (System.nanoTime() % 1_000_000_000L)));
    }

    private static SpendReport report(DateRange range, String... amounts) {
        List<DailySpend> days = new java.util.ArrayList<>();
        List<LocalDate> dates = range.dates().toList();
        for (int i = 0; i < dates.size(); i++) {
            days.add(new DailySpend(dates.get(i), Money.parseMajor(amounts[i], "USD")));
        }
        return new SpendReport(range, days, List.of("req-1"));
    }

    private int versions(AdAccount account) {
        return jdbc.sql("select count(*) from spend_version where ad_account_id = ?").param(account.id())
                .query(Integer.class).single();
    }

    @Test
    void storeInputIsValidatedFieldByFieldAndNothingIsWritten() {
        long before = stores.count();
        assertThatThrownBy(() -> stores.create(new StoreInput(" ", "Mars/Olympus", "EURO")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("name", "timeZone", "billingCurrency"));
        assertThat(stores.count()).isEqualTo(before);
        assertThatThrownBy(() -> stores.get(-1)).isInstanceOf(NotFoundException.class).hasMessage("store -1 does not exist");
        assertThatThrownBy(() -> stores.create(new StoreInput(store.name(), "UTC", "USD")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void severalAccountsOfOnePlatformButNotTheSameTwice() {
        accounts.link(store.id(), AccountId.of(Platform.META, "999"));
        assertThat(accounts.linked(store.id())).hasSize(2);
        assertThatThrownBy(() -> accounts.link(store.id(), AccountId.of(Platform.META, "999")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.link(-5, AccountId.of(Platform.META, "1")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unchangedValuesWriteNothingAndARestatementKeepsTheOldVersion() {
        assertThat(writer.write(meta.id(), null, report(JAN_1_3, "10.00", "0", "5.55"), Instant.now()))
                .isEqualTo(new WriteCounts(3, 0, 0));
        assertThat(writer.write(meta.id(), null, report(JAN_1_3, "10.00", "0", "5.55"), Instant.now()))
                .isEqualTo(new WriteCounts(0, 0, 3));
        assertThat(versions(meta)).isEqualTo(3);

        assertThat(writer.write(meta.id(), null, report(JAN_1_3, "10.00", "2.50", "5.55"), Instant.now()))
                .isEqualTo(new WriteCounts(0, 1, 2));
        assertThat(versions(meta)).isEqualTo(4);
        List<Long> history = jdbc.sql("select amount_micros from spend_version where ad_account_id = ? "
                        + "and day = date '2026-01-02' order by version").param(meta.id()).query(Long.class).list();
        assertThat(history).containsExactly(0L, 2_500_000L);

        StoreSpend spend = queries.read(store.id(), JAN_1_3);
        assertThat(spend.accounts().getFirst().days().get(1).spend()).isEqualTo(Money.parseMajor("2.50", "USD"));
        assertThat(spend.totals()).containsExactly(Money.parseMajor("18.05", "USD"));
    }

    @Test
    void chunksWrittenTogetherKeepEachChunksFetchTimeAndRequestIdsAndOverlappingOnesAreRefused() {
        Instant first = Instant.parse("2026-01-05T10:00:00.123456Z");
        Instant second = Instant.parse("2026-01-05T10:00:02Z");
        SpendReport january = new SpendReport(JAN_1_3, report(JAN_1_3, "1.00", "2.00", "3.00").days(),
                List.of("req-a", "req-\"quoted\",b"));
        DateRange jan4to5 = DateRange.parse("2026-01-04", "2026-01-05");
        SpendReport later = new SpendReport(jan4to5, report(jan4to5, "4.00", "5.00").days(), List.of());
        assertThat(writer.write(meta.id(), null, List.of(new FetchedChunk(january, first),
                new FetchedChunk(later, second)))).isEqualTo(new WriteCounts(5, 0, 0));
        assertThat(jdbc.sql("select day || ' ' || (fetched_at at time zone 'UTC') || ' ' || coalesce(platform_request_id, '-') "
                        + "from spend_version where ad_account_id = ? order by day").param(meta.id())
                .query(String.class).list()).containsExactly(
                "2026-01-01 2026-01-05 10:00:00.123456 req-a,req-\"quoted\",b",
                "2026-01-02 2026-01-05 10:00:00.123456 req-a,req-\"quoted\",b",
                "2026-01-03 2026-01-05 10:00:00.123456 req-a,req-\"quoted\",b",
                "2026-01-04 2026-01-05 10:00:02 -",
                "2026-01-05 2026-01-05 10:00:02 -");
        assertThat(queries.read(store.id(), DateRange.parse("2026-01-01", "2026-01-05")).totals())
                .containsExactly(Money.parseMajor("15.00", "USD"));

        // Written again with a restated day, together: one new version, the rest unchanged.
        SpendReport restated = report(jan4to5, "4.00", "5.01");
        assertThat(writer.write(meta.id(), null, List.of(new FetchedChunk(january, second),
                new FetchedChunk(restated, second)))).isEqualTo(new WriteCounts(0, 1, 4));

        DateRange overlapping = DateRange.parse("2026-01-03", "2026-01-04");
        assertThatThrownBy(() -> writer.write(meta.id(), null, List.of(new FetchedChunk(january, first),
                new FetchedChunk(report(overlapping, "9.00", "9.00"), first))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunks written together overlap: " + JAN_1_3 + " and " + overlapping);
        assertThat(versions(meta)).isEqualTo(6);
    }

    @Test
    void missingDaysAndFailedSyncsAreVisibleNeverZero() {
        writer.write(meta.id(), null, report(DateRange.parse("2026-01-01", "2026-01-02"), "1.00", "2.00"), Instant.now());
        StoreSpend partial = queries.read(store.id(), JAN_1_3);
        assertThat(partial.complete()).isFalse();
        var account = partial.accounts().getFirst();
        assertThat(account.status()).isEqualTo(StoreSpend.Completeness.MISSING_DAYS);
        assertThat(account.missingDays()).containsExactly(LocalDate.parse("2026-01-03"));
        assertThat(account.days().get(2).spend()).isNull();

        writer.write(meta.id(), null, report(JAN_1_3, "1.00", "2.00", "3.00"), Instant.now());
        long run = runs.start(meta.id(), JAN_1_3, new SyncRuns.Runner("test", null));
        runs.fail(run, WriteCounts.NONE, new SyncRuns.Failure("transient", "platform down", "503", "r-9"));
        StoreSpend stale = queries.read(store.id(), JAN_1_3);
        assertThat(stale.accounts().getFirst().status()).isEqualTo(StoreSpend.Completeness.STALE);
        assertThat(stale.accounts().getFirst().total()).isEqualTo(Money.parseMajor("6.00", "USD"));
    }

    @Test
    void aBaselineNeedsCompleteFreshDataUnlessProvisionalAndPinsTheVersionsItUsed() {
        writer.write(meta.id(), null, report(DateRange.parse("2026-01-01", "2026-01-02"), "1.00", "2.00"), Instant.now());
        long before = jdbc.sql("select count(*) from baseline").query(Long.class).single();
        assertThatThrownBy(() -> baselines.create(store.id(), JAN_1_3, false))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("meta account " + meta.externalId() + " is missing 1 day(s) from 2026-01-03");
        assertThat(jdbc.sql("select count(*) from baseline").query(Long.class).single()).isEqualTo(before);

        Baseline provisional = baselines.create(store.id(), JAN_1_3, true);
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.gaps()).hasSize(1);

        writer.write(meta.id(), null, report(JAN_1_3, "1.00", "2.00", "3.25"), Instant.now());
        Baseline firm = baselines.create(store.id(), JAN_1_3, false);
        assertThat(firm.amounts()).singleElement().satisfies(a -> {
            assertThat(a.currency()).isEqualTo("USD");
            assertThat(a.platforms().get(Platform.META)).isEqualTo(Money.parseMajor("6.25", "USD"));
            assertThat(a.platforms().get(Platform.GOOGLE)).isEqualTo(Money.zero("USD"));
            assertThat(a.total()).isEqualTo(Money.parseMajor("6.25", "USD"));
        });
        assertThat(firm.spendVersions()).isEqualTo(3);

        // A later restatement changes the current value but not what the baseline was built from.
        writer.write(meta.id(), null, report(JAN_1_3, "1.00", "2.00", "9.99"), Instant.now());
        assertThat(baselines.get(store.id(), firm.id()).amounts().getFirst().total())
                .isEqualTo(Money.parseMajor("6.25", "USD"));
    }

    @Test
    void anAccountWhoseCurrencyChangedIsTotalledPerCurrencyNotRefused() {
        // The platform reported USD for the first two days, then the account moved to EUR.
        writer.write(meta.id(), null, report(DateRange.parse("2026-01-01", "2026-01-02"), "1.00", "2.00"), Instant.now());
        writer.write(meta.id(), null, new SpendReport(DateRange.single(LocalDate.parse("2026-01-03")),
                List.of(new DailySpend(LocalDate.parse("2026-01-03"), Money.parseMajor("5.00", "EUR"))), List.of("req-2")),
                Instant.now());

        StoreSpend spend = queries.read(store.id(), JAN_1_3);
        assertThat(spend.totals()).containsExactlyInAnyOrder(Money.parseMajor("3.00", "USD"), Money.parseMajor("5.00", "EUR"));
        assertThat(spend.platforms()).extracting(StoreSpend.PlatformTotal::spend)
                .containsExactlyInAnyOrder(Money.parseMajor("3.00", "USD"), Money.parseMajor("5.00", "EUR"));
    }

    @Test
    void theSummaryCountsAnAccountDayOnceAfterUnlinkAndRelink() {
        writer.write(meta.id(), null, report(JAN_1_3, "1.00", "2.00", "3.00"), Instant.now());
        accounts.unlink(store.id(), meta.id());
        AdAccount relinked = accounts.link(store.id(), AccountId.of(Platform.META, meta.externalId()));
        writer.write(relinked.id(), null, report(JAN_1_3, "1.00", "2.00", "3.00"), Instant.now());

        long summary = jdbc.sql("select spend_micros from platform_spend_summary where store_id = ? and platform = 'meta' "
                + "and month = date '2026-01-01'").param(store.id()).query(Long.class).single();
        assertThat(summary).isEqualTo(Money.parseMajor("6.00", "USD").micros());
    }

    @Test
    void aLedgerEntryIsRecordedOncePerExternalId() {
        var input = new LedgerEntryInput("inv-1", "revenue", "2026-01-31", "1234.50", "EUR", "google", "cmp-7", null);
        var first = entries.record(store.id(), input, "cli");
        var again = entries.record(store.id(), input, "cli");
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.entry().id()).isEqualTo(first.entry().id());
        assertThat(entries.list(store.id(), 0, 10)).hasSize(1);
        assertThat(first.entry().amount()).isEqualTo(Money.parseMajor("1234.5", "EUR"));

        assertThatThrownBy(() -> entries.record(store.id(),
                new LedgerEntryInput("inv-1", "revenue", "2026-01-31", "1.00", "EUR", null, null, null), "cli"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> entries.record(store.id(),
                new LedgerEntryInput("inv-2", "gift", "2026-02-30", "1.0000001", "EUR", "myspace", null, null), "cli"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("kind", "date", "amount", "platform"));
        assertThat(entries.list(store.id(), 0, 10)).hasSize(1);
    }
}
