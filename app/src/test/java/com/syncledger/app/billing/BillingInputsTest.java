package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.access.Caller;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntry;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Entries of every kind, batches, CSV files, closed periods, FX rates and the audit trail, on real PostgreSQL. */
class BillingInputsTest {

    /** The worked example's rates (docs: billing-worked-example.md, B), in the ECB's own file shape. */
    static final String ECB = """
            Date,USD,JPY,BGN,GBP,
            2026-04-08,1.1000,160.50,1.9558,N/A,
            2026-04-07,1.0825,160.00,1.9558,0.85,
            """;

    private static ConfigurableApplicationContext app;
    private static JdbcClient jdbc;
    private static LedgerEntries entries;
    private static RevenueCloses closes;
    private static FxRates rates;
    private static BillingAudit audit;
    private Store store;

    @BeforeAll
    static void start() {
        app = TestApp.start(false, Map.of());
        jdbc = app.getBean(JdbcClient.class);
        entries = app.getBean(LedgerEntries.class);
        closes = app.getBean(RevenueCloses.class);
        rates = app.getBean(FxRates.class);
        audit = app.getBean(BillingAudit.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void newStore() {
        store = app.getBean(Stores.class).create(new StoreInput("billing " + System.nanoTime(), "Europe/Berlin", "EUR"));
    }

    private static LedgerEntryInput entry(String id, String kind, String date, String amount) {
        return new LedgerEntryInput(id, kind, date, amount, "EUR", null, null, null);
    }

    private long entryCount() {
        return jdbc.sql("select count(*) from ledger_entry where store_id = ?").param(store.id()).query(Long.class)
                .single();
    }

    private List<BillingAudit.Event> auditOfStore() {
        return audit.list(store.id(), 0, 100);
    }

    @Test
    void everyKindIsRecordedOnceWithItsSignAndAnAuditEvent() {
        String[] kinds = {"revenue", "refund", "cogs", "shipping", "payment_fee", "other_cost"};
        for (String kind : kinds) {
            assertThat(entries.record(store.id(), entry(kind + "-1", kind, "2026-03-01", "10.00"), "key:0123456789ab")
                    .created()).isTrue();
        }
        var adjustment = entries.record(store.id(), entry("adj-1", "adjustment", "2026-03-02", "-12.50"), Caller.CLI);
        assertThat(adjustment.entry().signedMicros()).isEqualTo(-12_500_000);
        assertThat(entries.record(store.id(), entry("refund-1", "refund", "2026-03-01", "10.00"), Caller.CLI).created())
                .as("the same entry again").isFalse();
        assertThatThrownBy(() -> entries.record(store.id(), entry("refund-1", "refund", "2026-03-01", "11.00"),
                Caller.CLI)).isInstanceOf(ConflictException.class).hasMessageContaining("'refund-1'");

        long net = entries.list(store.id(), 0, 100).stream().mapToLong(LedgerEntry::signedMicros).sum();
        assertThat(net).isEqualTo(10_000_000 - 5 * 10_000_000 - 12_500_000);
        List<BillingAudit.Event> events = auditOfStore();
        assertThat(events).hasSize(kinds.length + 1);
        assertThat(events.getFirst().actor()).isEqualTo("cli");
        assertThat(events.getFirst().action()).isEqualTo("ledger_entry.record");
        assertThat(events.getFirst().details()).contains("\"externalId\": \"adj-1\"", "\"amount\": \"-12.50\"");
        assertThat(events.getLast().actor()).isEqualTo("key:0123456789ab");
    }

    @Test
    void aBatchIsRecordedWholeOrNotAtAll() {
        entries.record(store.id(), entry("inv-1", "revenue", "2026-03-01", "100.00"), Caller.CLI);
        List<LedgerEntryInput> bad = List.of(entry("inv-2", "revenue", "2026-03-02", "50.00"),
                entry("inv-3", "gift", "2026-03-02", "5.00"),
                entry("inv-4", "cogs", "2026-02-30", "-5.00"),
                entry("inv-2", "revenue", "2026-03-02", "50.00"));
        assertThatThrownBy(() -> entries.recordAll(store.id(), bad, Caller.CLI, LedgerEntries.Batch.ofRequest()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys(
                        "entries[1].kind", "entries[2].date", "entries[2].amount", "entries[3].externalId"));
        assertThat(entryCount()).isEqualTo(1);

        List<LedgerEntryInput> conflicting = List.of(entry("inv-2", "revenue", "2026-03-02", "50.00"),
                entry("inv-1", "revenue", "2026-03-01", "999.00"));
        assertThatThrownBy(() -> entries.recordAll(store.id(), conflicting, Caller.CLI,
                LedgerEntries.Batch.ofRequest())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("entries[1] ('inv-1')").hasMessageContaining("nothing was recorded");
        assertThat(entryCount()).isEqualTo(1);

        List<LedgerEntryInput> good = List.of(entry("inv-1", "revenue", "2026-03-01", "100.00"),
                entry("inv-2", "revenue", "2026-03-02", "50.00"), entry("ship-1", "shipping", "2026-03-02", "7.25"));
        List<LedgerEntries.Recorded> recorded = entries.recordAll(store.id(), good, "key:abcdefabcdef",
                LedgerEntries.Batch.ofRequest());
        assertThat(recorded).extracting(LedgerEntries.Recorded::created).containsExactly(false, true, true);
        assertThat(entryCount()).isEqualTo(3);
        assertThat(entries.recordAll(store.id(), good, Caller.CLI, LedgerEntries.Batch.ofRequest()))
                .extracting(LedgerEntries.Recorded::created).containsExactly(false, false, false);
        List<BillingAudit.Event> events = auditOfStore();
        assertThat(events).hasSize(2).as("a repeated batch changes nothing and records no event");
        assertThat(events.getFirst().action()).isEqualTo("ledger_entry.batch");
        assertThat(events.getFirst().actor()).isEqualTo("key:abcdefabcdef");
        assertThat(events.getFirst().details()).contains("\"recorded\": 2", "\"alreadyPresent\": 1");
    }

    @Test
    void aCsvFileIsParsedWithLineNumbersAndImportedOnce() {
        String csv = """
                external_id,date,kind,amount,currency,platform,platform_campaign_id,description
                ord-1,2026-03-01,revenue,120.00,EUR,google,cmp-7,"Order 1, paid"
                ord-1-r,2026-03-03,refund,20.00,EUR,,,
                cogs-mar,2026-03-31,cogs,40.00,EUR
                """;
        LedgerEntriesCsv.Parsed parsed = LedgerEntriesCsv.parse(new StringReader(csv));
        assertThat(parsed.entries()).hasSize(3);
        assertThat(parsed.entries().getFirst().description()).isEqualTo("Order 1, paid");
        assertThat(entries.recordAll(store.id(), parsed.entries(), Caller.CLI, parsed.batch()))
                .allMatch(LedgerEntries.Recorded::created);
        assertThat(entries.recordAll(store.id(), parsed.entries(), Caller.CLI, parsed.batch()))
                .noneMatch(LedgerEntries.Recorded::created);
        assertThat(entryCount()).isEqualTo(3);
        assertThat(auditOfStore()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ledger_entry.import");
            assertThat(e.actor()).isEqualTo("cli");
        });

        String bad = """
                external_id,date,kind,amount,currency,platform,platform_campaign_id,description
                ok-1,2026-03-01,revenue,1.00,EUR
                bad-kind,2026-03-01,gift,1.00,EUR
                bad-currency,2026-03-01,revenue,1.00,EURO
                negative,2026-03-01,cogs,-4.00,EUR
                bad-date,2026-03-32,revenue,1.00,EUR
                """;
        LedgerEntriesCsv.Parsed badParsed = LedgerEntriesCsv.parse(new StringReader(bad));
        assertThatThrownBy(() -> entries.recordAll(store.id(), badParsed.entries(), Caller.CLI, badParsed.batch()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys(
                        "line 3 kind", "line 4 currency", "line 5 amount", "line 6 date"));
        assertThat(entryCount()).isEqualTo(3);

        assertThatThrownBy(() -> LedgerEntriesCsv.parse(new StringReader("id,date,kind,amount,currency\nx,2026-03-01,"
                + "revenue,1,EUR\n"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsKey("line 1"));
        assertThatThrownBy(() -> LedgerEntriesCsv.parse(new StringReader(String.join(",", LedgerEntriesCsv.HEADER)
                + "\nshort,2026-03-01,revenue\n"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fields()).containsKey("line 2"));
    }

    @Test
    void aCloseRefusesEntriesOnOrBeforeItsDateAndNeverMovesBack() {
        entries.record(store.id(), entry("inv-1", "revenue", "2026-03-31", "100.00"), Caller.CLI);
        assertThat(closes.closedThrough(store.id())).isEmpty();
        assertThat(closes.close(store.id(), LocalDate.parse("2026-03-31"), "key:0123456789ab")).isTrue();
        assertThat(closes.close(store.id(), LocalDate.parse("2026-03-31"), Caller.CLI)).as("the same date again")
                .isFalse();
        assertThat(closes.closedThrough(store.id())).contains(LocalDate.parse("2026-03-31"));

        for (String kind : new String[] {"revenue", "adjustment", "cogs"}) {
            assertThatThrownBy(() -> entries.record(store.id(), entry("late-" + kind, kind, "2026-03-31", "5.00"),
                    Caller.CLI)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("closed through 2026-03-31")
                    .hasMessageContaining("a late correction goes in as an adjustment dated in an open period");
        }
        assertThatThrownBy(() -> entries.recordAll(store.id(), List.of(entry("apr-1", "revenue", "2026-04-01", "5.00"),
                entry("mar-1", "revenue", "2026-03-15", "5.00")), Caller.CLI, LedgerEntries.Batch.ofRequest()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("entries[1] dated 2026-03-15");
        LedgerEntriesCsv.Parsed csv = LedgerEntriesCsv.parse(new StringReader(String.join(",", LedgerEntriesCsv.HEADER)
                + "\napr-1,2026-04-01,revenue,5.00,EUR\nmar-1,2026-03-01,refund,5.00,EUR\n"));
        assertThatThrownBy(() -> entries.recordAll(store.id(), csv.entries(), Caller.CLI, csv.batch()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("line 3 dated 2026-03-01");
        assertThatThrownBy(() -> entries.record(store.id(), entry("inv-1", "revenue", "2026-03-31", "100.00"),
                Caller.CLI)).as("even an entry recorded before is refused: the period is closed")
                .isInstanceOf(ConflictException.class);
        assertThat(entryCount()).isEqualTo(1);

        assertThat(entries.record(store.id(), entry("fix-1", "adjustment", "2026-04-01", "-5.00"), Caller.CLI)
                .created()).isTrue();

        assertThatThrownBy(() -> closes.close(store.id(), LocalDate.parse("2026-02-28"), Caller.CLI))
                .isInstanceOf(ConflictException.class).hasMessageContaining("a close never moves back");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
        assertThatThrownBy(() -> closes.close(store.id(), tomorrow, Caller.CLI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields().get("through"))
                        .contains("in the future of the store's time zone Europe/Berlin"));
        assertThat(closes.closedThrough(store.id())).contains(LocalDate.parse("2026-03-31"));

        assertThat(auditOfStore()).extracting(BillingAudit.Event::action).containsExactly("ledger_entry.record",
                "revenue_close.close", "ledger_entry.record");
        assertThat(auditOfStore().get(1).actor()).isEqualTo("key:0123456789ab");
    }

    @Test
    void anEntryWrittenWhileACloseIsUnderWayIsCheckedAgainstIt() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> close = pool.submit(() -> transaction.executeWithoutResult(status -> {
                closes.close(store.id(), LocalDate.parse("2026-03-10"), Caller.CLI);
                closed.countDown();
                await(commit);
            }));
            await(closed);
            Future<LedgerEntries.Recorded> late = pool.submit(() -> entries.record(store.id(),
                    entry("late-1", "revenue", "2026-03-10", "1.00"), Caller.CLI));
            // The entry's transaction queues behind the close's lock on the store row.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from pg_locks where not granted").query(Long.class).single() > 0);
            assertThat(late).as("the entry waits for the close").isNotDone();
            commit.countDown();
            close.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(entryCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ecbRatesAreImportedExactlyOnceAndNeverChanged() {
        FxRates.Recorded first = rates.importEcb(new StringReader(ECB), Caller.CLI);
        assertThat(first).isEqualTo(new FxRates.Recorded(7, 0));
        assertThat(rates.find(LocalDate.parse("2026-04-07"), "EUR", "USD")).hasValueSatisfying(r -> {
            assertThat(r.rate()).isEqualByComparingTo("1.0825");
            assertThat(r.rate().toPlainString()).isEqualTo("1.0825");
            assertThat(r.source()).isEqualTo("ecb");
        });
        assertThat(rates.find(LocalDate.parse("2026-04-08"), "EUR", "GBP")).as("N/A is no rate").isEmpty();
        assertThat(rates.find(LocalDate.parse("2026-04-08"), "EUR", "JPY").orElseThrow().rate())
                .isEqualByComparingTo(new BigDecimal("160.50"));
        assertThat(rates.list(LocalDate.parse("2026-04-07"), LocalDate.parse("2026-04-08"), "GBP")).singleElement()
                .extracting(FxRate::rate).isEqualTo(new BigDecimal("0.85"));

        long events = audit.list(null, 0, 500).size();
        assertThat(rates.importEcb(new StringReader(ECB), Caller.CLI)).isEqualTo(new FxRates.Recorded(0, 7));
        assertThat(audit.list(null, 0, 500)).as("a repeated import changes nothing and records no event")
                .hasSize((int) events);

        long before = jdbc.sql("select count(*) from fx_rate").query(Long.class).single();
        String changed = ECB.replace("1.0825", "1.0830") + "2026-04-09,1.1010,161.00,1.9558,0.86,\n";
        assertThatThrownBy(() -> rates.importEcb(new StringReader(changed), Caller.CLI))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("2026-04-07 EUR/USD is recorded as 1.0825, not 1.0830")
                .hasMessageContaining("nothing was written");
        assertThat(jdbc.sql("select count(*) from fx_rate").query(Long.class).single()).isEqualTo(before);

        assertThatThrownBy(() -> rates.importEcb(new StringReader("""
                Date,USD,XYZ,
                2026-04-10,-1.1,abc,
                2026-13-01,1.1,1.2,
                """), Caller.CLI)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("line 1 column 3"));
        assertThatThrownBy(() -> rates.importEcb(new StringReader("""
                Date,USD,JPY,
                2026-04-10,-1.1,0,
                2026-13-01,1.1,160,
                2026-04-11,1.1,1.0.0
                """), Caller.CLI)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("line 2 USD", "line 2 JPY", "line 3", "line 4 JPY"));
        assertThat(jdbc.sql("select count(*) from fx_rate").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRateSetByHandIsCheckedAndNeverOverwritten() {
        FxRates.SetRate set = rates.set("2026-05-04", "usd", "GBP", "0.7900", null, "key:0123456789ab");
        assertThat(set.created()).isTrue();
        assertThat(set.rate()).isEqualTo(new FxRate(LocalDate.parse("2026-05-04"), "USD", "GBP",
                new BigDecimal("0.7900"), "manual"));
        assertThat(rates.set("2026-05-04", "USD", "GBP", "0.79", null, Caller.CLI).created()).isFalse();
        assertThatThrownBy(() -> rates.set("2026-05-04", "USD", "GBP", "0.80", null, Caller.CLI))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2026-05-04 USD/GBP is recorded as 0.7900");
        assertThatThrownBy(() -> rates.set("2026-05-32", "EUR", "EUR", "-1", "", Caller.CLI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("date", "quote", "rate", "source"));
        assertThatThrownBy(() -> rates.set("2026-05-04", "EUR", "ABC", "abc", null, Caller.CLI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("quote", "rate"));
        assertThat(audit.list(null, 0, 100)).filteredOn(e -> e.action().equals("fx_rate.set")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("key:0123456789ab");
                    assertThat(e.storeId()).isNull();
                    assertThat(e.details()).contains("\"rate\": \"0.7900\"");
                });
    }

    @Test
    void aFullSizeEcbHistoryImportsInBatches() {
        StringBuilder csv = new StringBuilder("Date");
        String[] quotes = java.util.Currency.getAvailableCurrencies().stream().map(java.util.Currency::getCurrencyCode)
                .filter(c -> !c.equals("EUR")).sorted().limit(40).toArray(String[]::new);
        for (String quote : quotes) {
            csv.append(',').append(quote);
        }
        csv.append(",\n");
        LocalDate day = LocalDate.parse("1999-01-04");
        for (int row = 0; row < 7_000; row++, day = day.plusDays(1)) {
            csv.append(day);
            for (int q = 0; q < quotes.length; q++) {
                csv.append(',').append(q == 7 ? "N/A" : "1." + String.format("%04d", (row * 7 + q) % 10_000));
            }
            csv.append(",\n");
        }
        FxRates.Recorded recorded = rates.importEcb(new StringReader(csv.toString()), Caller.CLI);
        assertThat(recorded).isEqualTo(new FxRates.Recorded(7_000 * 39, 0));
        assertThat(rates.importEcb(new StringReader(csv.toString()), Caller.CLI))
                .isEqualTo(new FxRates.Recorded(0, 7_000 * 39));
    }
}
