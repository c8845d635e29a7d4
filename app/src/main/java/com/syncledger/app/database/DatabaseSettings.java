package com.syncledger.app.database;

import com.syncledger.app.config.SettingChecks;
import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.config.SettingsBinder;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the ledger's database is and how it is used, bound from {@code SYNCLEDGER_DB_*} and
 * {@code SYNCLEDGER_HOME} (see {@link #VARIABLES}).
 *
 * @param url              {@code SYNCLEDGER_DB_URL}: an external PostgreSQL (JDBC URL); unset, the embedded one
 * @param user             {@code SYNCLEDGER_DB_USER}, for the external database
 * @param password         {@code SYNCLEDGER_DB_PASSWORD}, for the external database
 * @param statementTimeout {@code SYNCLEDGER_DB_STATEMENT_TIMEOUT}: the longest a single statement may run
 *                         (e.g. {@code 30s}); unset, no limit. A statement past it fails, and so does the sync that
 *                         ran it, as {@code storage}, instead of waiting on a stuck database
 * @param allowUnsafe      {@code SYNCLEDGER_DB_ALLOW_UNSAFE}: keep the ledger on a server that may lose committed
 *                         writes (see {@link DurabilityCheck})
 * @param home             {@code SYNCLEDGER_HOME}: where the embedded database keeps its data ({@code pgdata});
 *                         {@code ~/.syncledger} when unset
 */
public record DatabaseSettings(String url, String user, Secret password, Duration statementTimeout,
        boolean allowUnsafe, Path home) {

    public static final String PROPERTIES = "syncledger.db";
    public static final SettingVariables VARIABLES = SettingVariables.of(PROPERTIES, "SYNCLEDGER_DB_",
                    List.of("URL", "USER", "PASSWORD", "STATEMENT_TIMEOUT", "ALLOW_UNSAFE"))
            .with(PROPERTIES + ".home", "SYNCLEDGER_HOME");

    public DatabaseSettings {
        if (statementTimeout != null) {
            SettingChecks.requirePositive("statementTimeout", statementTimeout);
        }
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".syncledger");
        }
    }

    /**
     * The defaults, changed by the variables {@code env} sets.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static DatabaseSettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, DatabaseSettings.class, VARIABLES);
    }

    /** The external database's JDBC URL; empty for the embedded one. */
    public Optional<String> external() {
        return Optional.ofNullable(url);
    }

    /** The embedded database's data directory. */
    public Path embeddedData() {
        return home.resolve("pgdata");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + (url == null ? "embedded in " + home : "external") + "]";
    }
}
