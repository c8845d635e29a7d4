package com.syncledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.credentials.SecretKeySettings;
import com.syncledger.connectors.wire.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void unsetVariablesMeanTheEmbeddedDatabaseInTheUsersHome() {
        DatabaseSettings settings = DatabaseSettings.fromEnv(Env.of(Map.of()));

        assertThat(settings.external()).isEmpty();
        assertThat(settings.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".syncledger"));
        assertThat(settings.embeddedData()).isEqualTo(settings.home().resolve("pgdata"));
        assertThat(settings.statementTimeout()).isNull();
        assertThat(settings.allowUnsafe()).isFalse();
        assertThat(SecretKeySettings.fromEnv(Env.of(Map.of())).cipher()).isEmpty();
    }

    @Test
    void theVariablesBindUnderTheirOwnNames() {
        DatabaseSettings settings = DatabaseSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_DB_URL",
                " jdbc:postgresql://db/ledger ", "SYNCLEDGER_DB_USER", "ledger", "SYNCLEDGER_DB_PASSWORD", "hunter2",
                "SYNCLEDGER_DB_STATEMENT_TIMEOUT", "30s", "SYNCLEDGER_DB_ALLOW_UNSAFE", "true",
                "SYNCLEDGER_HOME", "/srv/ledger")));

        assertThat(settings.external()).contains("jdbc:postgresql://db/ledger");
        assertThat(settings.user()).isEqualTo("ledger");
        assertThat(settings.password().reveal()).isEqualTo("hunter2");
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.allowUnsafe()).isTrue();
        assertThat(settings.home()).isEqualTo(Path.of("/srv/ledger"));
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("jdbc:");
    }

    @Test
    void anUnusableValueNamesItsVariable() {
        assertThatThrownBy(() -> DatabaseSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_DB_STATEMENT_TIMEOUT", "soon"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SYNCLEDGER_DB_STATEMENT_TIMEOUT must be a duration such as 500ms, 30s, 10m or PT1M, "
                        + "not 'soon'");
        assertThatThrownBy(() -> DatabaseSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_DB_STATEMENT_TIMEOUT", "0s"))))
                .hasMessage("SYNCLEDGER_DB_STATEMENT_TIMEOUT: statementTimeout must be a positive duration, was PT0S");
        assertThatThrownBy(() -> SecretKeySettings.fromEnv(Env.of(Map.of("SYNCLEDGER_SECRET_KEY", "c2hvcnQ="))).cipher())
                .hasMessage("SYNCLEDGER_SECRET_KEY must decode to 32 bytes, not 5");
    }
}
