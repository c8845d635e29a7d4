package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.api.Http;
import com.syncledger.app.database.DurabilityCheck;
import com.syncledger.app.database.EmbeddedPostgresServer;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Sandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database fails under a running sync: stopped, too slow for the statement timeout, short of
 * connections, or out of disk space. The sync ends
 * promptly with its runs failed as {@code storage}, health reports it, the service recovers on its own, and
 * the next sync converges on exactly the platforms' numbers with one version per day.
 */
class DatabaseFaultTest {

    @TempDir
    Path dir;

    private EmbeddedPostgresServer server;
    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private JdbcClient jdbc;
    private SyncService sync;
    private long store;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
    }

    /** The service on a database of its own server, which the test can stop and start again. */
    private void startService(String... extraSettings) {
        server = EmbeddedPostgresServer.start(dir.resolve("pgdata"), EmbeddedPostgresServer.Durability.FAST, 0);
        startServiceOn(server.jdbcUrl(), extraSettings);
    }

    private void startServiceOn(String jdbcUrl, String... extraSettings) {
        Map<String, String> settings = TestApp.withRoomyBudgets(SyncTest.fastRetries(sandbox));
        settings.put("SYNCLEDGER_DB_URL", jdbcUrl);
        settings.put("SYNCLEDGER_DB_USER", "postgres");
        settings.put(DurabilityCheck.ALLOW_UNSAFE, "true");
        settings.put("SYNCLEDGER_API_KEYS", TestApp.READ_KEY.entry());
        for (int i = 0; i < extraSettings.length; i += 2) {
            settings.put(extraSettings[i], extraSettings[i + 1]);
        }
        app = TestApp.start(true, Env.of(settings), List.of());
        jdbc = app.getBean(JdbcClient.class);
        sync = app.getBean(SyncService.class);
        store = app.getBean(Stores.class).create(new StoreInput("Faults", "UTC", "USD")).id();
        app.getBean(AdAccounts.class).link(store, AccountId.of(Platform.META, "1234567890"));
        app.getBean(AdAccounts.class).link(store, AccountId.of(Platform.TIKTOK, "7001234567890123456"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
        sandbox.close();
    }

    @Test
    void theDatabaseStoppedMidSyncFailsTheRunsAsStorageAndTheServiceRecoversWhenItIsBack() throws Exception {
        startService();
        Http http = new Http(TestApp.baseUrl(app), null);
        int port = server.port();
        // Slow answers keep the backfill going long enough to stop the database under it.
        sandbox.fake("meta").latency(Duration.ofMillis(150));
        sandbox.fake("tiktok").latency(Duration.ofMillis(150));
        CompletableFuture<List<SyncOutcome>> running = CompletableFuture.supplyAsync(
                () -> sync.syncStore(store, null, SyncProgress.NONE));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("select count(*) from spend_day") > 0);
        server.close();

        // The sync ends (a connection attempt waits at most the pool's timeout), with the database's error.
        Throwable failure = await().atMost(Duration.ofMinutes(2)).until(() -> outcome(running), f -> f != null);
        assertThat(failure).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(http.get("/healthz").status()).isEqualTo(503);
        assertThat(http.get("/healthz").body()).contains("unhealthy");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").status()).as("alive: restarting would not help").isEqualTo(200);

        server = EmbeddedPostgresServer.start(dir.resolve("pgdata"), EmbeddedPostgresServer.Durability.FAST, port);
        // Nothing restarts the service: its pool reconnects by itself.
        await().atMost(Duration.ofMinutes(1)).until(() -> http.get("/healthz").status() == 200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        sandbox.fake("meta").latency(Duration.ZERO);
        sandbox.fake("tiktok").latency(Duration.ZERO);
        List<SyncOutcome> again = sync.syncStore(store, null, SyncProgress.NONE);
        assertThat(again).allMatch(SyncOutcome::succeeded);
        assertThat(jdbc.sql("select error_kind from sync_run where status = 'failed'").query(String.class).list())
                .isNotEmpty().containsOnly("storage");
        assertExact(again);
    }

    @Test
    void aStatementPastTheTimeoutFailsTheRunsAsStorageAndTheNextSyncConverges() throws Exception {
        startService("SYNCLEDGER_DB_STATEMENT_TIMEOUT", "1s");
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("1s");
        // Another session holds the spend table: every write of the sync waits for it, past the timeout.
        DriverManagerDataSource other = new DriverManagerDataSource(server.jdbcUrl(), "postgres", null);
        try (Connection blocker = other.getConnection(); Statement lock = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            lock.execute("lock table spend_day in access exclusive mode");
            CompletableFuture<List<SyncOutcome>> running = CompletableFuture.supplyAsync(
                    () -> sync.syncStore(store, null, SyncProgress.NONE));
            Throwable failure = await().atMost(Duration.ofMinutes(2)).until(() -> outcome(running), f -> f != null);
            assertThat(failure).isInstanceOf(org.springframework.dao.DataAccessException.class)
                    .hasStackTraceContaining("statement timeout");
            blocker.rollback();
        }
        assertThat(jdbc.sql("select error_kind from sync_run").query(String.class).list())
                .isNotEmpty().containsOnly("storage");
        List<SyncOutcome> again = sync.syncStore(store, null, SyncProgress.NONE);
        assertThat(again).allMatch(SyncOutcome::succeeded);
        assertExact(again);
    }

    @Test
    void aPoolExhaustedMidSyncFailsTheRunsAsStorageAndTheNextSyncConverges() throws Exception {
        startService();
        Http http = new Http(TestApp.baseUrl(app), null);
        sandbox.fake("meta").latency(Duration.ofMillis(150));
        sandbox.fake("tiktok").latency(Duration.ofMillis(150));
        CompletableFuture<List<SyncOutcome>> running = CompletableFuture.supplyAsync(
                () -> sync.syncStore(store, null, SyncProgress.NONE));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("select count(*) from spend_day") > 0);
        // Take every connection the pool will give (a request past its size waits its timeout, then fails).
        javax.sql.DataSource pool = app.getBean(javax.sql.DataSource.class);
        List<Connection> held = new java.util.ArrayList<>();
        try {
            while (true) {
                try {
                    held.add(pool.getConnection());
                } catch (java.sql.SQLException exhausted) {
                    break;
                }
            }
            Throwable failure = await().atMost(Duration.ofMinutes(2)).until(() -> outcome(running), f -> f != null);
            // The write that found no connection within the pool's timeout, not a hang.
            assertThat(failure).hasRootCauseInstanceOf(java.sql.SQLTransientConnectionException.class);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        sandbox.fake("meta").latency(Duration.ZERO);
        sandbox.fake("tiktok").latency(Duration.ZERO);
        List<SyncOutcome> again = sync.syncStore(store, null, SyncProgress.NONE);
        assertThat(again).allMatch(SyncOutcome::succeeded);
        assertThat(jdbc.sql("select error_kind from sync_run where status = 'failed'").query(String.class).list())
                .isNotEmpty().containsOnly("storage");
        assertExact(again);
    }

    @Test
    void aFullDiskFailsTheRunsAsStorageWithNothingHalfWrittenAndTheNextSyncConvergesOnceSpaceIsBack() throws Exception {
        assumeTrue(TinyDisk.canMount(), "mounting a small tmpfs needs root (CI runs as root)");
        server = EmbeddedPostgresServer.start(dir.resolve("pgdata"), EmbeddedPostgresServer.Durability.FAST, 0);
        TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"), 32);
        try {
            // The ledger's database lives on the small filesystem; the server's WAL stays on the big one, so a
            // full disk fails statements the way a full data volume does, without stopping the server.
            JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), "postgres", null));
            admin.sql("create tablespace ledger_disk location '" + disk.directoryForPostgres() + "'").update();
            admin.sql("create database ledger tablespace ledger_disk").update();
            startServiceOn(server.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/ledger$1"));
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            // A first, short sync gives the tables their first pages, as a ledger in use has. Its days lie a
            // few days back, inside every account's own calendar whatever the hour in UTC.
            assertThat(sync.syncStore(store, DateRange.of(yesterday.minusDays(5), yesterday.minusDays(3)),
                    SyncProgress.NONE)).allMatch(SyncOutcome::succeeded);

            disk.fill();
            // The backfill needs new pages the disk no longer has: the sync ends with PostgreSQL's error.
            assertThatThrownBy(() -> sync.syncStore(store, null, SyncProgress.NONE))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class)
                    .hasStackTraceContaining("No space left on device");
            assertThat(jdbc.sql("select status || ':' || coalesce(error_kind, '') from sync_run where status <> 'succeeded'")
                    .query(String.class).list()).as("every run of the failed sync").isNotEmpty()
                    .allMatch("failed:storage"::equals);
            // Nothing half-written: chunks that still found room in existing pages are whole (newest first, so
            // each account's days run unbroken from its newest day back), exact, and each day has one version.
            assertStoredDaysWholeAndExact();

            disk.free();
            List<SyncOutcome> again = sync.syncStore(store, null, SyncProgress.NONE);
            assertThat(again).allMatch(SyncOutcome::succeeded);
            assertExact(again);
        } finally {
            // The tablespace's files must be closed before the filesystem can go.
            if (app != null) {
                app.close();
                app = null;
            }
            server.close();
            server = null;
            disk.close();
        }
    }

    /** The sync's exception once it ended, or null while it runs. */
    private static Throwable outcome(CompletableFuture<?> running) throws InterruptedException {
        if (!running.isDone()) {
            return null;
        }
        try {
            running.get();
            return new AssertionError("the sync succeeded although the database failed under it");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private void assertStoredDaysWholeAndExact() {
        List<Map<String, Object>> accounts = jdbc.sql("select id, platform, external_id from ad_account").query().listOfRows();
        for (Map<String, Object> account : accounts) {
            long id = ((Number) account.get("id")).longValue();
            FakeAccount truth = sandbox.fake((String) account.get("platform"))
                    .account((String) account.get("external_id")).orElseThrow();
            List<Map<String, Object>> days = jdbc.sql(
                    "select day, amount_micros from spend_day where ad_account_id = ? order by day desc")
                    .param(id).query().listOfRows();
            LocalDate expected = days.isEmpty() ? null : ((java.sql.Date) days.get(0).get("day")).toLocalDate();
            for (Map<String, Object> day : days) {
                LocalDate date = ((java.sql.Date) day.get("day")).toLocalDate();
                assertThat(date).as("no gap in the stored days").isEqualTo(expected);
                assertThat(day.get("amount_micros")).as("%s", date)
                        .isEqualTo(Money.ofMajor(truth.totalOn(date), "USD").micros());
                expected = expected.minusDays(1);
            }
            assertThat(count("select count(*) from spend_version where ad_account_id = " + id))
                    .as("one version per day").isEqualTo(days.size());
        }
    }

    private void assertExact(List<SyncOutcome> outcomes) {
        ConvergedSpend.assertExact(jdbc, sandbox, outcomes);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
