package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.BackgroundPostgres;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code db backup} of a ledger with every kind of data (synced and restated spend, billing entries, rates,
 * terms, issued statements), restored into a new home's embedded database, holds exactly the same rows.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private ConfigurableApplicationContext source;
    private List<Store> stores;

    @BeforeEach
    void ledgerWithData() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = TestApp.withRoomyBudgets(sandbox.environment());
        source = TestApp.start(false, settings);
        stores = DemoStores.ensure(source);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        SyncService sync = source.getBean(SyncService.class);
        for (Store store : stores) {
            // From the first day of DemoBilling's baseline, within every platform's retention.
            LocalDate from = DemoBilling.baseline(store, DemoBilling.period(store)).from();
            assertThat(sync.syncStore(store.id(), DateRange.of(from, today.minusDays(2)), SyncProgress.NONE))
                    .allSatisfy(o -> assertThat(o.succeeded()).as(o.toString()).isTrue());
        }
        // A restated day gives a second version.
        LocalDate restated = today.minusDays(5);
        sandbox.fake("meta").account("1234567890").orElseThrow().spend(restated, "cmp-1", "777.77");
        sync.syncAll(DateRange.single(restated), SyncProgress.NONE);
        // A first sync cannot vouch for Amazon's days older than its Sponsored Brands and Display reports reach
        // (docs/connectors/amazon.md), so these statements bill the other eight platforms and can be issued.
        AdAccounts accounts = source.getBean(AdAccounts.class);
        for (Store store : stores) {
            accounts.linked(store.id()).stream().filter(a -> a.platform() == Platform.AMAZON)
                    .forEach(a -> accounts.unlink(store.id(), a.id()));
            assertThat(DemoBilling.issue(source, store).issued()).isTrue();
        }
    }

    @AfterEach
    void stop() {
        source.close();
        sandbox.close();
        BackgroundPostgres.of(dir.resolve("home")).stop();
    }

    @Test
    void aBackupRestoredIntoANewHomeHoldsEveryRowAndTheSameSpend() throws Exception {
        Env sourceEnv = source.getBean(Env.class);
        Map<String, Long> before = figures(source.getBean(DataSource.class));
        for (String table : List.of("store", "ad_account", "sync_run", "spend_day", "spend_version", "ledger_entry",
                "fx_rate", "billing_terms", "billing_statement", "statement_spend_version", "billing_audit")) {
            assertThat(before.get(table)).as(table).isPositive();
        }
        assertThat(before.get("spend_version")).isGreaterThan(before.get("spend_day"));

        Path backup = dir.resolve("ledger.backup");
        CliRun backedUp = CliRun.of(sourceEnv, "db", "backup", backup.toString());
        assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).contains("Backed up to " + backup);
        assertThat(Files.readString(backup.resolveSibling("ledger.backup.sha256"))).matches("[0-9a-f]{64}  ledger.backup\n");

        Env newHome = Env.of(Map.of("SYNCLEDGER_HOME", dir.resolve("home").toString()));
        CliRun restored = CliRun.of(newHome, "db", "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        try (ConfigurableApplicationContext target = SpringContexts.database(newHome, true)) {
            assertThat(figures(target.getBean(DataSource.class))).isEqualTo(before);
            for (Store store : stores) {
                DateRange month = DemoBilling.period(store).range();
                StoreSpend expected = source.getBean(SpendQueries.class).read(store.id(), month);
                assertThat(target.getBean(SpendQueries.class).read(store.id(), month)).isEqualTo(expected);
            }
        }

        // A ledger with data is replaced only when asked to.
        CliRun again = CliRun.of(newHome, "db", "restore", backup.toString());
        assertThat(again.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(again.err()).contains("the ledger holds data").contains("--force");
        CliRun forced = CliRun.of(newHome, "db", "restore", backup.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        try (ConfigurableApplicationContext target = SpringContexts.database(newHome, false)) {
            assertThat(figures(target.getBean(DataSource.class))).isEqualTo(before);
        }
    }

    @Test
    void aDamagedBackupIsRefusedBeforeAnythingChanges() throws Exception {
        Path backup = dir.resolve("ledger.backup");
        assertThat(CliRun.of(source.getBean(Env.class), "db", "backup", backup.toString()).exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 1;
        Files.write(backup, bytes);

        Env newHome = Env.of(Map.of("SYNCLEDGER_HOME", dir.resolve("home").toString()));
        CliRun restored = CliRun.of(newHome, "db", "restore", backup.toString());
        assertThat(restored.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(restored.err()).contains("SHA-256 differs");
        CliRun overwrite = CliRun.of(source.getBean(Env.class), "db", "backup", backup.toString());
        assertThat(overwrite.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
    }

    /** Every table's row count, the spend sums and the summary view's. */
    private static Map<String, Long> figures(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                select tablename from pg_tables where schemaname = current_schema()
                  and tablename not in ('flyway_schema_history', 'stored_refresh_token',
                    -- the cluster's working state (sync tasks, rate budgets), which runs on while the test reads
                    'scheduled_tasks', 'rate_budget_bucket', 'rate_budget_pause') order by tablename""",
                String.class)) {
            figures.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        figures.put("sum spend_day", jdbc.queryForObject("select sum(amount_micros) from spend_day", Long.class));
        figures.put("sum spend_version", jdbc.queryForObject("select sum(amount_micros) from spend_version", Long.class));
        figures.put("sum summary", jdbc.queryForObject("select sum(spend_micros) from platform_spend_summary", Long.class));
        return figures;
    }
}
