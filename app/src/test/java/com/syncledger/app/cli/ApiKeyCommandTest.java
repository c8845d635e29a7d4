package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.Role;
import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyCommandTest {

    private final Env noSettings = Env.of(Map.of());

    @Test
    void createsAKeyAndTheEntryThatAcceptsIt() {
        for (Role role : Role.values()) {
            CliRun run = CliRun.of(noSettings, "apikey", "create", "--role", role.slug());
            assertThat(run.exitCode()).isZero();
            String key = run.out().lines().map(String::strip).filter(l -> l.startsWith("slk_")).findFirst().orElseThrow();
            String entry = run.out().lines().map(String::strip).filter(l -> l.startsWith(role.slug() + ":"))
                    .findFirst().orElseThrow();
            assertThat(entry).doesNotContain(key);
            assertThat(ApiKeys.parse(entry).roleOf(key)).contains(role);
        }
    }

    @Test
    void refusesAnUnknownRole() {
        CliRun run = CliRun.of(noSettings, "apikey", "create", "--role", "admin");
        assertThat(run.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(run.err()).contains("read or write");
        assertThat(run.out()).doesNotContain("slk_");
    }

    @Test
    void serveRefusesToStartWithoutKeys() {
        CliRun run = CliRun.of(noSettings, "serve");
        assertThat(run.exitCode()).isEqualTo(SyncLedgerCommand.FAILED);
        assertThat(run.err()).contains("no API key is configured", "apikey create", ApiKeys.VARIABLE);
    }

    @Test
    void serveRefusesMalformedKeysWithoutEchoingThem() {
        CliRun run = CliRun.of(Env.of(Map.of(ApiKeys.VARIABLE, "slk_pasted-raw-key")), "serve");
        assertThat(run.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(run.err()).contains(ApiKeys.VARIABLE).doesNotContain("slk_pasted-raw-key");
    }
}
