package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.database.BackgroundPostgres;
import com.syncledger.app.database.BackgroundPostgres.Running;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.wire.Env;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded server of a home outlives the command that started it: the next command reuses it, {@code db stop}
 * stops it, a server killed with SIGKILL is recovered, and {@code serve} and the CLI share it.
 */
class BackgroundDatabaseTest {

    @TempDir
    Path home;

    private Env env;
    private BackgroundPostgres postgres;

    @BeforeEach
    void settings() {
        env = Env.of(Map.of("SYNCLEDGER_HOME", home.toString(), "SYNCLEDGER_PORT", "0",
                "SYNCLEDGER_API_KEYS", TestApp.WRITE_KEY.entry()));
        postgres = BackgroundPostgres.of(home);
    }

    @AfterEach
    void stopTheServer() {
        postgres.stop();
    }

    @Test
    void theNextCommandReusesTheDurableServerTheFirstOneStarted() {
        ok(CliRun.of(env, "stores", "add", "--name", "Northwind", "--time-zone", "Europe/Berlin", "--currency", "EUR"));
        Running first = postgres.running().orElseThrow();
        assertThat(ProcessHandle.of(first.pid())).as("the server outlives the command").hasValueSatisfying(
                p -> assertThat(p.isAlive()).isTrue());

        CliRun listed = ok(CliRun.of(env, "stores", "list"));
        assertThat(listed.out()).contains("Northwind");
        assertThat(postgres.running()).contains(first);

        JdbcTemplate jdbc = jdbc(first);
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show data_directory", String.class))
                .isEqualTo(home.resolve("pgdata").toString());
    }

    @Test
    void dbStopStopsTheServerAndLeavesNoProcessPidFileOrLock() throws Exception {
        ok(CliRun.of(env, "stores", "list"));
        Running running = postgres.running().orElseThrow();

        CliRun stopped = ok(CliRun.of(env, "db", "stop"));
        assertThat(stopped.out()).contains("Stopped the database server (pid " + running.pid() + ")");
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(running.pid()).isEmpty()
                || !ProcessHandle.of(running.pid()).get().isAlive());
        assertThat(postgres.pidFile()).doesNotExist();
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).as("PostgreSQL's own lock").doesNotExist();
        try (FileChannel channel = FileChannel.open(postgres.lockFile(), StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            assertThat(lock).as("nobody holds the start/stop lock").isNotNull();
        }

        assertThat(ok(CliRun.of(env, "db", "stop")).out()).contains("No database server is running");
    }

    @Test
    void aServerKilledWithSigkillIsStartedAgainWithItsCommittedData() throws Exception {
        ok(CliRun.of(env, "stores", "add", "--name", "Northwind", "--time-zone", "Europe/Berlin", "--currency", "EUR"));
        Running killed = postgres.running().orElseThrow();
        ProcessHandle postmaster = ProcessHandle.of(killed.pid()).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(1, TimeUnit.MINUTES); // bounded: a test that hangs says nothing
        assertThat(postgres.pidFile()).as("the stale pid file").exists();
        assertThat(postgres.running()).isEmpty();

        CliRun listed = ok(CliRun.of(env, "stores", "list"));
        assertThat(listed.out()).contains("Northwind");
        assertThat(postgres.running()).hasValueSatisfying(r -> assertThat(r.pid()).isNotEqualTo(killed.pid()));
    }

    @Test
    void aPidFileNamingAnotherProcessIsStale() throws Exception {
        Files.createDirectories(home);
        Files.writeString(postgres.pidFile(), ProcessHandle.current().pid() + " 1\n");
        assertThat(postgres.running()).isEmpty();

        ok(CliRun.of(env, "stores", "list"));
        assertThat(postgres.running()).hasValueSatisfying(
                r -> assertThat(r.pid()).isNotEqualTo(ProcessHandle.current().pid()));
    }

    @Test
    void serveAndACliCommandStartedTogetherShareOneServer() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> serving =
                CompletableFuture.supplyAsync(() -> SpringContexts.server(env));
        CliRun added = CliRun.of(env, "stores", "add", "--name", "Alpine", "--time-zone", "Europe/Zurich",
                "--currency", "CHF");
        try (ConfigurableApplicationContext serve = serving.get()) {
            ok(added);
            Running running = postgres.running().orElseThrow();
            JdbcTemplate served = new JdbcTemplate(serve.getBean(DataSource.class));
            assertThat(served.queryForObject("select inet_server_port()", Integer.class)).isEqualTo(running.port());
            assertThat(served.queryForList("select name from store", String.class)).containsExactly("Alpine");

            CliRun refused = CliRun.of(env, "db", "stop");
            assertThat(refused.exitCode()).isEqualTo(SyncLedgerCommand.FAILED);
            assertThat(refused.err()).contains("is `serve` running?").contains("--force");
            assertThat(postgres.running()).as("still serving").contains(running);
        }
        ok(CliRun.of(env, "db", "stop"));
        assertThat(postgres.running()).isEmpty();
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static JdbcTemplate jdbc(Running running) {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(running.jdbcUrl(),
                "postgres", null));
    }
}
