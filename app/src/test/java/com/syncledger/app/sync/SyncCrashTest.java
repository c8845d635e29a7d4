package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A sync killed with SIGKILL half-way and run again leaves no duplicate and no missing day. */
class SyncCrashTest {

    @Test
    void aKilledSyncRunAgainConvergesOnExactlyThePlatformsNumbers() throws Exception {
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            Map<String, String> settings = TestApp.withRoomyBudgets(SyncTest.fastRetries(sandbox));
            TestDatabase.Fresh db = TestDatabase.fresh();
            Env env = db.env(settings);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncLedgerApplication.class)
                    .web(WebApplicationType.NONE).properties("syncledger.sync.schedule.enabled=false")
                    .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run()) {
                long store = app.getBean(Stores.class).create(new StoreInput("Crash", "UTC", "USD")).id();
                AdAccounts accounts = app.getBean(AdAccounts.class);
                accounts.link(store, AccountId.of(Platform.META, "1234567890"));
                accounts.link(store, AccountId.of(Platform.TIKTOK, "7001234567890123456"));
                JdbcClient jdbc = app.getBean(JdbcClient.class);

                // Slow answers make the backfill take long enough to be killed in the middle of it.
                sandbox.fake("meta").latency(Duration.ofMillis(150));
                sandbox.fake("tiktok").latency(Duration.ofMillis(150));
                Process child = startSyncProcess(settings, db);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(jdbc, "select count(*) from spend_day") > 0);
                child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean rollback by the client
                long written = count(jdbc, "select count(*) from spend_day");
                long running = count(jdbc, "select count(*) from sync_run where status = 'running'");
                assertThat(running).as("the killed sync left its runs open").isPositive();

                sandbox.fake("meta").latency(Duration.ZERO);
                sandbox.fake("tiktok").latency(Duration.ZERO);
                List<SyncOutcome> again = app.getBean(SyncService.class).syncStore(store, null, SyncProgress.NONE);
                assertThat(again).allMatch(SyncOutcome::succeeded);

                ConvergedSpend.assertExact(jdbc, sandbox, again);
                assertThat(written).as("the killed sync had written part of the backfill")
                        .isLessThan(count(jdbc, "select count(*) from spend_day"));
            }
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** {@code syncledger sync --all} in its own JVM, on this test's classpath and database. */
    private static Process startSyncProcess(Map<String, String> settings, TestDatabase.Fresh db)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SyncLedgerApplication.class.getName(), "sync", "--all")
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("sync-child", ".log"));
        builder.environment().putAll(settings);
        builder.environment().putAll(db.settings());
        return builder.start();
    }
}
