package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.wire.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands get their services injected as stand-ins that open the database on their first call: a command that
 * never calls one (help, refused input) never starts the database. Running with services is covered by every
 * other CLI test.
 */
class LedgerServicesTest {

    @TempDir
    Path home;

    private Env env() {
        return Env.of(Map.of("SYNCLEDGER_HOME", home.toString()));
    }

    @Test
    void helpOfACommandWithServicesOpensNoDatabase() {
        CliRun run = CliRun.of(env(), "stores", "list", "--help");

        assertThat(run.exitCode()).isEqualTo(SyncLedgerCommand.OK);
        assertThat(run.out()).contains("List stores.");
        assertThat(home.resolve("pgdata")).doesNotExist();
    }

    @Test
    void refusedInputOpensNoDatabase() throws Exception {
        CliRun run = CliRun.of(env(), "stores", "add", "--name", "Shop", "--time-zone", "Mars/Olympus",
                "--currency", "EUR");

        assertThat(run.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: ");
        assertThat(home.resolve("pgdata")).doesNotExist();
        try (var entries = Files.list(home)) {
            assertThat(entries).isEmpty();
        }
    }
}
