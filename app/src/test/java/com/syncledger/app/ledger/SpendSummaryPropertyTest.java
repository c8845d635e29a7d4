package com.syncledger.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary kept by the spend writer equals the summary computed from scratch (the definition the
 * materialized view had), after any sequence of syncs, restatements, currency changes, unlinks and relinks,
 * including writes to a link that a newer one has replaced. Real PostgreSQL, through the real writer.
 */
class SpendSummaryPropertyTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-20");
    /** Three accounts: two of one platform and one of another, so links of one store share a platform. */
    private static final List<AccountId> ACCOUNTS = List.of(AccountId.of(Platform.META, "1001"),
            AccountId.of(Platform.META, "1002"), AccountId.of(Platform.GOOGLE, "1234567890"));

    // The V4 materialized view's definition, for one store.
    private static final String FULL_RECOMPUTATION = """
            select latest.platform, date_trunc('month', latest.day)::date as month, latest.currency,
                   sum(latest.amount_micros) as spend_micros, count(*) as days, max(latest.fetched_at) as last_fetched_at
            from (select distinct on (a.store_id, a.platform, a.external_id, d.day)
                         a.store_id, a.platform, d.day, d.currency, d.amount_micros, d.fetched_at
                  from spend_day d
                           join ad_account a on a.id = d.ad_account_id
                  where a.store_id = ?
                  order by a.store_id, a.platform, a.external_id, d.day, a.id desc) latest
            group by latest.platform, date_trunc('month', latest.day), latest.currency
            order by 1, 2, 3""";
    private static final String KEPT = """
            select platform, month, currency, spend_micros, days, last_fetched_at from platform_spend_summary
            where store_id = ? order by 1, 2, 3""";

    private static ConfigurableApplicationContext app;

    @BeforeContainer
    static void start() {
        app = TestApp.start(false, Map.of());
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    sealed interface Step permits Write, Unlink, Relink {
    }

    /**
     * Writes {@code length} days from {@code FIRST_DAY + start} to one link of an account ({@code link} picks
     * among its links, oldest first, so older links are written too). Amounts follow {@code seed}: the same seed
     * again leaves the days unchanged, another restates them.
     */
    record Write(int account, int link, int start, int length, int seed, String currency) implements Step {
    }

    record Unlink(int account) implements Step {
    }

    /** Links the account again (unlinking it first when it is linked): a new link, whose days replace the old. */
    record Relink(int account) implements Step {
    }

    @Property(tries = 100)
    void theKeptSummaryEqualsAFullRecomputation(@ForAll("steps") List<Step> steps) {
        Ledger ledger = new Ledger();
        Instant fetchedAt = Instant.parse("2026-05-01T00:00:00Z");
        for (Step step : steps) {
            fetchedAt = fetchedAt.plusSeconds(1);
            ledger.apply(step, fetchedAt);
            assertThat(ledger.kept()).as("after %s", step).isEqualTo(ledger.recomputed());
        }
    }

    /** Accounts of one store and the relinked pair written at once from many threads: nothing is lost. */
    @Example
    void concurrentWritersOfOneStoreKeepItExact() throws Exception {
        Ledger ledger = new Ledger();
        ledger.apply(new Write(0, 0, 0, 60, 1, "USD"), Instant.parse("2026-05-01T00:00:00Z"));
        ledger.apply(new Unlink(0), Instant.now());
        ledger.apply(new Relink(0), Instant.now());
        List<Callable<Object>> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Write write = new Write(i % 3, i % 2, (i * 7) % 50, 40, i % 4, i % 5 == 0 ? "EUR" : "USD");
            Instant at = Instant.parse("2026-05-02T00:00:00Z").plusSeconds(i);
            writes.add(() -> {
                ledger.apply(write, at);
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Object> done : pool.invokeAll(writes)) {
                done.get();
            }
        }
        assertThat(ledger.kept()).isNotEmpty().isEqualTo(ledger.recomputed());

        // Rebuilt whole, as after a bulk load, the summary holds the same rows.
        app.getBean(SpendSummary.class).rebuild();
        assertThat(ledger.kept()).isEqualTo(ledger.recomputed());
    }

    /**
     * An account that is its store's only link has its months kept by the write's own statement, from the values
     * before the write: days that move to another currency take the old currency's row away, and a restatement
     * fetched earlier than the values it replaces leaves the month with the newest fetch time of its days.
     */
    @Example
    void anOnlyLinksMonthsAreKeptByTheWriteItself() {
        Ledger ledger = new Ledger();
        ledger.apply(new Write(2, 0, 12, 20, 1, "USD"), Instant.parse("2026-05-02T00:00:00Z")); // 1 to 20 February
        ledger.apply(new Write(2, 0, 12, 10, 2, "EUR"), Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(ledger.kept()).extracting(row -> row.get("currency")).containsExactlyInAnyOrder("EUR", "USD");
        assertThat(ledger.kept()).isEqualTo(ledger.recomputed());

        ledger.apply(new Write(2, 0, 22, 10, 2, "EUR"), Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(ledger.kept()).extracting(row -> row.get("currency")).containsExactly("EUR");
        assertThat(ledger.kept()).isEqualTo(ledger.recomputed());
    }

    /**
     * A writer of an only link that waits for the account's lock while another transaction links the account again
     * and writes the new link's days: the writer looked for newer links before it waited, so its write statement
     * must see the new link and leave the months to the recomputation, which takes the new link's days out.
     */
    @Example
    void aLinkMadeWhileAWriterWaitsIsSeenByItsWrite() throws Exception {
        Ledger ledger = new Ledger();
        ledger.apply(new Write(1, 0, 0, 40, 1, "USD"), Instant.parse("2026-05-01T00:00:00Z"));
        long old = ledger.links.get(1).getFirst().id();
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        try (var pool = Executors.newFixedThreadPool(2)) {
            CountDownLatch oldLocked = new CountDownLatch(1);
            CountDownLatch writerWaits = new CountDownLatch(1);
            Future<?> relink = pool.submit(() -> transaction.executeWithoutResult(status -> {
                ledger.jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(old).query(Integer.class).single();
                oldLocked.countDown();
                await(writerWaits);
                ledger.apply(new Relink(1), Instant.parse("2026-05-02T00:00:00Z"));
                ledger.apply(new Write(1, 1, 10, 40, 2, "USD"), Instant.parse("2026-05-02T00:00:00Z"));
            }));
            await(oldLocked);
            Future<?> write = pool.submit(() -> ledger.apply(new Write(1, 0, 0, 60, 3, "USD"),
                    Instant.parse("2026-05-03T00:00:00Z")));
            while (ledger.jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                    .query(Long.class).single() == 0) {
                Thread.onSpinWait();
            }
            writerWaits.countDown();
            relink.get();
            write.get();
        }
        assertThat(ledger.links.get(1)).hasSize(2);
        assertThat(ledger.kept()).isNotEmpty().isEqualTo(ledger.recomputed());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS.size() - 1);
        Arbitrary<Step> write = Combinators.combine(account, Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 80), Arbitraries.integers().between(1, 45),
                        Arbitraries.integers().between(0, 3), Arbitraries.of("USD", "USD", "EUR"))
                .as(Write::new);
        Arbitrary<Step> unlink = account.map(Unlink::new);
        Arbitrary<Step> relink = account.map(Relink::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(5, write), Tuple.of(1, unlink), Tuple.of(2, relink))
                .list().ofMinSize(1).ofMaxSize(16);
    }

    /** A fresh store with the three accounts linked, and every link each has had, oldest first. */
    private static final class Ledger {

        private final AdAccounts accounts = app.getBean(AdAccounts.class);
        private final SpendWriter writer = app.getBean(SpendWriter.class);
        private final JdbcClient jdbc = app.getBean(JdbcClient.class);
        private final Store store = app.getBean(Stores.class)
                .create(new StoreInput("summary " + System.nanoTime(), "UTC", "USD"));
        private final List<List<AdAccount>> links = new ArrayList<>();
        private final boolean[] linked = new boolean[ACCOUNTS.size()];

        Ledger() {
            for (int i = 0; i < ACCOUNTS.size(); i++) {
                links.add(new ArrayList<>(List.of(accounts.link(store.id(), ACCOUNTS.get(i)))));
                linked[i] = true;
            }
        }

        void apply(Step step, Instant fetchedAt) {
            switch (step) {
                case Write w -> {
                    List<AdAccount> of;
                    synchronized (this) {
                        of = List.copyOf(links.get(w.account()));
                    }
                    writer.write(of.get(w.link() % of.size()).id(), null, chunks(w, fetchedAt));
                }
                case Unlink u -> {
                    if (linked[u.account()]) {
                        List<AdAccount> of = links.get(u.account());
                        accounts.unlink(store.id(), of.get(of.size() - 1).id());
                        linked[u.account()] = false;
                    }
                }
                case Relink r -> {
                    apply(new Unlink(r.account()), fetchedAt);
                    synchronized (this) {
                        links.get(r.account()).add(accounts.link(store.id(), ACCOUNTS.get(r.account())));
                    }
                    linked[r.account()] = true;
                }
            }
        }

        /** The write's days as one to three chunks written together, as a sync writes a backfill's. */
        private static List<FetchedChunk> chunks(Write w, Instant fetchedAt) {
            SpendReport whole = report(w);
            int parts = 1 + w.seed() % 3;
            return whole.range().split((whole.range().days() + parts - 1) / parts).stream()
                    .map(part -> new FetchedChunk(new SpendReport(part, whole.days().stream()
                            .filter(day -> part.contains(day.date())).toList(), whole.requestIds()),
                            fetchedAt.plusSeconds(part.from().toEpochDay() - whole.range().from().toEpochDay())))
                    .toList();
        }

        private static SpendReport report(Write w) {
            LocalDate from = FIRST_DAY.plusDays(w.start());
            List<DailySpend> days = new ArrayList<>();
            for (int d = 0; d < w.length(); d++) {
                LocalDate day = from.plusDays(d);
                // Zero is a value like any other; the seed decides whether a day is restated.
                long cents = (w.seed() * 1_013L + day.getDayOfMonth() * 7L) % 5_000;
                days.add(new DailySpend(day, Money.ofMicros(cents * 10_000, w.currency())));
            }
            return new SpendReport(DateRange.of(from, from.plusDays(w.length() - 1)), days, List.of("req"));
        }

        List<Map<String, Object>> kept() {
            return jdbc.sql(KEPT).param(store.id()).query().listOfRows();
        }

        List<Map<String, Object>> recomputed() {
            return jdbc.sql(FULL_RECOMPUTATION).param(store.id()).query().listOfRows();
        }
    }
}
