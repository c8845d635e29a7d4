package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.PendingChunks;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.Sandbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Syncs against the sandbox platforms over loopback into a real PostgreSQL. */
class SyncTest {

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private SyncService sync;
    private JdbcClient jdbc;
    private long storeId;
    private DateRange lastTenDays;

    static Map<String, String> fastRetries(Sandbox sandbox) {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "2");
        env.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "10ms");
        env.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "50ms");
        env.put("SYNCLEDGER_FETCH_MAX_RETRY_AFTER", "100ms");
        return env;
    }

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        Env env = TestDatabase.fresh().env(fastRetries(sandbox));
        app = new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
        sync = app.getBean(SyncService.class);
        jdbc = app.getBean(JdbcClient.class);
        storeId = app.getBean(Stores.class).create(new StoreInput("Northwind", "America/New_York", "USD")).id();
        AdAccounts accounts = app.getBean(AdAccounts.class);
        accounts.link(storeId, AccountId.of(Platform.META, "act_1234567890"));
        accounts.link(storeId, AccountId.of(Platform.GOOGLE, "123-456-7890"));
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        lastTenDays = DateRange.of(end.minusDays(9), end);
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    private FakeAccount metaTruth() {
        return sandbox.fake("meta").account("1234567890").orElseThrow();
    }

    private StoreSpend.AccountSpend spendOf(Platform platform) {
        return app.getBean(SpendQueries.class).read(storeId, lastTenDays).accounts().stream()
                .filter(a -> a.platform() == platform).findFirst().orElseThrow();
    }

    @Test
    void storesExactlyWhatThePlatformsReport() {
        List<SyncOutcome> outcomes = sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);
        assertThat(outcomes).allMatch(SyncOutcome::succeeded)
                .allSatisfy(o -> assertThat(o.counts()).isEqualTo(new WriteCounts(10, 0, 0)));
        StoreSpend.AccountSpend meta = spendOf(Platform.META);
        assertThat(meta.status()).isEqualTo(StoreSpend.Completeness.COMPLETE);
        for (var day : meta.days()) {
            assertThat(day.spend()).isEqualTo(Money.ofMajor(metaTruth().totalOn(day.date()), "USD"));
        }
        // Idempotent: the same values again write nothing new.
        assertThat(sync.syncStore(storeId, lastTenDays, SyncProgress.NONE))
                .allSatisfy(o -> assertThat(o.counts()).isEqualTo(new WriteCounts(0, 0, 10)));
    }

    @Test
    void aRestatedDayBecomesOneNewVersionAndTheSummaryShowsIt() {
        sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);
        LocalDate day = lastTenDays.from().plusDays(4);
        metaTruth().spend(day, "cmp-1", "777.77");
        Money restated = Money.ofMajor(metaTruth().totalOn(day), "USD");

        List<SyncOutcome> again = sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);
        SyncOutcome meta = again.stream().filter(o -> o.account().platform() == Platform.META).findFirst().orElseThrow();
        assertThat(meta.counts()).isEqualTo(new WriteCounts(0, 1, 9));

        long accountId = meta.account().id();
        List<Long> versions = jdbc.sql("select amount_micros from spend_version where ad_account_id = ? and day = ? "
                + "order by version").params(accountId, day).query(Long.class).list();
        assertThat(versions).hasSize(2).last().isEqualTo(restated.micros());

        long monthSpend = jdbc.sql("select spend_micros from platform_spend_summary where store_id = ? and platform = 'meta' "
                        + "and month = date_trunc('month', ?::date)::date")
                .params(storeId, day).query(Long.class).single();
        long expected = jdbc.sql("select sum(amount_micros) from spend_day where ad_account_id = ? "
                        + "and date_trunc('month', day) = date_trunc('month', ?::date)")
                .params(accountId, day).query(Long.class).single();
        assertThat(monthSpend).isEqualTo(expected);
    }

    @Test
    void aPlatformDownDuringASyncLeavesItsLastValuesMarkedStaleNeverZero() {
        sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);
        Money before = spendOf(Platform.META).total();
        sandbox.fake("meta").failNext(Fault.SERVER_ERROR, 1000);

        List<SyncOutcome> outage = sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);
        assertThat(outage).filteredOn(o -> o.account().platform() == Platform.META)
                .singleElement().satisfies(o -> assertThat(o.error()).startsWith("transient"));
        assertThat(outage).filteredOn(o -> o.account().platform() == Platform.GOOGLE).allMatch(SyncOutcome::succeeded);

        StoreSpend.AccountSpend meta = spendOf(Platform.META);
        assertThat(meta.status()).isEqualTo(StoreSpend.Completeness.STALE);
        assertThat(meta.total()).isEqualTo(before);
        assertThat(meta.lastSyncError()).startsWith("transient");
        assertThat(app.getBean(SpendQueries.class).read(storeId, lastTenDays).complete()).isFalse();
    }

    @Test
    void aNewAccountIsBackfilledAsFarAsRetentionAllowsUpToYesterdayInItsOwnZone() {
        AdAccount tiktok = app.getBean(AdAccounts.class).link(storeId, AccountId.of(Platform.TIKTOK,
                DemoData.ACCOUNTS.stream().filter(a -> a.platform().equals("tiktok")).findFirst().orElseThrow().id()));
        List<SyncOutcome> outcomes = sync.syncStore(storeId, null, SyncProgress.NONE);
        SyncOutcome backfill = outcomes.stream().filter(o -> o.account().id() == tiktok.id()).findFirst().orElseThrow();
        LocalDate yesterdayInNewYork = LocalDate.now(java.time.ZoneId.of("America/New_York")).minusDays(1);
        assertThat(backfill.succeeded()).isTrue();
        assertThat(backfill.range().to()).isEqualTo(yesterdayInNewYork);
        assertThat(backfill.range().days()).isGreaterThan(30);
        assertThat(backfill.counts().newDays()).isEqualTo(backfill.range().days());

        // The next sync of the same account re-reads only the restatement window.
        SyncOutcome next = sync.syncStore(storeId, null, SyncProgress.NONE).stream()
                .filter(o -> o.account().id() == tiktok.id()).findFirst().orElseThrow();
        assertThat(next.range().days()).isLessThan(backfill.range().days());
        assertThat(next.counts().newDays()).isZero();
    }

    @Test
    void aBackfillIsWrittenAYearOfDaysPerTransactionEachDayWithItsOwnChunksFetchTime() {
        SyncOutcome backfill = sync.syncStore(storeId, null, SyncProgress.NONE).stream()
                .filter(o -> o.account().platform() == Platform.META).findFirst().orElseThrow();
        assertThat(backfill.succeeded()).isTrue();
        int chunkDays = app.getBean(FetchEngine.class).descriptor(Platform.META).maxDaysPerRequest();
        int chunks = (backfill.range().days() + chunkDays - 1) / chunkDays;
        assertThat(chunks).as("a backfill of several writes").isGreaterThan(2 * PendingChunks.DAYS_PER_WRITE / chunkDays);

        // Rows written by one transaction share its id (xmin): the days came in few transactions, each of at
        // least a year of days but the last, while every chunk kept the time it was fetched.
        List<Integer> daysPerTransaction = jdbc.sql("select count(*) from spend_version where ad_account_id = ? "
                + "group by xmin::text order by min(day) desc").param(backfill.account().id()).query(Integer.class).list();
        int chunksPerWrite = (PendingChunks.DAYS_PER_WRITE + chunkDays - 1) / chunkDays;
        assertThat(daysPerTransaction).hasSizeLessThan(chunks).hasSize((chunks + chunksPerWrite - 1) / chunksPerWrite);
        assertThat(daysPerTransaction.subList(0, daysPerTransaction.size() - 1))
                .allMatch(days -> days >= PendingChunks.DAYS_PER_WRITE);
        assertThat(daysPerTransaction.stream().mapToInt(Integer::intValue).sum()).isEqualTo(backfill.range().days());
        assertThat(jdbc.sql("select count(distinct fetched_at) from spend_version where ad_account_id = ?")
                .param(backfill.account().id()).query(Integer.class).single()).isEqualTo(chunks);
    }

    @Test
    void anAccountNewlyLinkedToASecondStoreIsBackfilledForThatStore() {
        assertThat(sync.syncStore(storeId, null, SyncProgress.NONE)).allMatch(SyncOutcome::succeeded);
        long second = app.getBean(Stores.class).create(new StoreInput("Contoso", "America/New_York", "USD")).id();
        app.getBean(AdAccounts.class).link(second, AccountId.of(Platform.META, "act_1234567890"));

        // The scheduled sync of every store fetches the account once for both links.
        assertThat(sync.syncAll(null, SyncProgress.NONE)).allMatch(SyncOutcome::succeeded);
        // Days older than Meta's restatement window, which the first store's backfill read long ago.
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(60);
        StoreSpend spend = app.getBean(SpendQueries.class).read(second, DateRange.of(end.minusDays(4), end));
        assertThat(spend.accounts()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(StoreSpend.Completeness.COMPLETE));
    }

    @Test
    void anAccountWhoseIdEqualsTheSyncLockKeyDoesNotBlockItsOwnSync() {
        long second = app.getBean(Stores.class).create(new StoreInput("Contoso", "America/New_York", "USD")).id();
        // 0x53594e43, the sync lock's key: the account's write lock must not be the same lock.
        jdbc.sql("insert into ad_account (id, store_id, platform, external_id) overriding system value "
                + "values (1398361667, ?, 'meta', '1234567890')").param(second).update();
        List<SyncOutcome> outcomes = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> sync.syncStore(second, lastTenDays, SyncProgress.NONE));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.succeeded()).isTrue());
    }

    @Test
    void aSyncOfAnExplicitRangeDoesNotCountAsTheBackfill() {
        String id = DemoData.ACCOUNTS.stream().filter(a -> a.platform().equals("tiktok")).findFirst().orElseThrow().id();
        AdAccount tiktok = app.getBean(AdAccounts.class).link(storeId, AccountId.of(Platform.TIKTOK, id));
        sync.syncStore(storeId, lastTenDays, SyncProgress.NONE);

        SyncOutcome next = sync.syncStore(storeId, null, SyncProgress.NONE).stream()
                .filter(o -> o.account().id() == tiktok.id()).findFirst().orElseThrow();
        assertThat(next.range().days()).as("the first default sync is the backfill").isGreaterThan(30);
        assertThat(next.counts().unchangedDays()).isEqualTo(10);
    }

    @Test
    void aSyncWhoseWritesFailClosesItsRunsAsFailedAndKeepsNoHalfWrittenChunk() {
        jdbc.sql("""
                create function refuse_spend() returns trigger language plpgsql as $$
                begin raise exception 'disk full'; end $$""").update();
        jdbc.sql("create trigger refuse_spend before insert on spend_version for each row execute function refuse_spend()")
                .update();

        assertThatThrownBy(() -> sync.syncStore(storeId, lastTenDays, SyncProgress.NONE))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.sql("select status || ':' || error_kind from sync_run").query(String.class).list())
                .isNotEmpty().allMatch("failed:storage"::equals);
        assertThat(jdbc.sql("select count(*) from spend_day").query(Long.class).single()).isZero();
    }
}
