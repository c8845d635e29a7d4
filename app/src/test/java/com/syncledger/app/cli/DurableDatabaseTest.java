package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.database.BackgroundPostgres;
import com.syncledger.app.database.DurabilityCheck;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.wire.Env;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database that holds a ledger writes durably, and a server that does not is refused. */
class DurableDatabaseTest {

    @TempDir
    Path home;

    @AfterEach
    void stopTheServer() {
        BackgroundPostgres.of(home).stop();
    }

    @Test
    void theEmbeddedServerServeStartsFlushesEveryCommitToDisk() {
        Env env = Env.of(Map.of("SYNCLEDGER_HOME", home.toString(), "SYNCLEDGER_PORT", "0",
                "SYNCLEDGER_API_KEYS", TestApp.WRITE_KEY.entry()));
        try (ConfigurableApplicationContext serve = SpringContexts.server(env)) {
            JdbcTemplate jdbc = new JdbcTemplate(serve.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show data_directory", String.class))
                    .startsWith(home.resolve("pgdata").toString());
        }
    }

    @Test
    void aServerThatMayLoseCommittedDataIsRefusedUnlessThatIsExplicitlyAllowed() {
        // The tests' embedded server runs without fsync.
        Map<String, String> settings = new HashMap<>(TestDatabase.fresh().settings());
        settings.remove(DurabilityCheck.ALLOW_UNSAFE);
        assertThatThrownBy(() -> SpringContexts.database(Env.of(settings), false).close())
                .hasStackTraceContaining("fsync=off, synchronous_commit=off")
                .hasStackTraceContaining(DurabilityCheck.ALLOW_UNSAFE);

        CliRun refused = CliRun.of(Env.of(settings), "db", "status");
        assertThat(refused.exitCode()).isEqualTo(SyncLedgerCommand.FAILED);
        assertThat(refused.err()).contains("fsync=off");

        settings.put(DurabilityCheck.ALLOW_UNSAFE, "true");
        CliRun allowed = CliRun.of(Env.of(settings), "db", "migrate");
        assertThat(allowed.exitCode()).as(allowed.err()).isEqualTo(SyncLedgerCommand.OK);
    }
}
