package com.syncledger.app.database;

import com.syncledger.connectors.wire.Env;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The database: {@code SYNCLEDGER_DB_URL} (with {@code SYNCLEDGER_DB_USER}/{@code SYNCLEDGER_DB_PASSWORD})
 * when set, otherwise the embedded PostgreSQL whose data lives in {@code $SYNCLEDGER_HOME/pgdata}
 * ({@code ~/.syncledger} by default), run in the background between commands (see {@link BackgroundPostgres}).
 * Either must be durable (see {@link DurabilityCheck}).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    DatabaseServer databaseServer(Env env) {
        return env.get("SYNCLEDGER_DB_URL")
                .map(url -> DatabaseServer.external(url, env.get("SYNCLEDGER_DB_USER").orElse(null),
                        env.get("SYNCLEDGER_DB_PASSWORD").orElse(null)))
                .orElseGet(() -> DatabaseServer.embedded(BackgroundPostgres.of(home(env))));
    }

    @Bean(destroyMethod = "close")
    @Lazy(false)
    HikariDataSource dataSource(DatabaseServer server, Env env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        config.setPoolName("syncledger");
        env.get(STATEMENT_TIMEOUT).map(DatabaseConfiguration::statementTimeout)
                .ifPresent(millis -> config.setConnectionInitSql("set statement_timeout = " + millis));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            DurabilityCheck.verify(dataSource, env, server.describe());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * The longest a single statement may run (e.g. {@code 30s}); unset, no limit. A statement past it fails,
     * and so does the sync that ran it, as {@code storage}, instead of waiting on a stuck database.
     */
    static final String STATEMENT_TIMEOUT = "SYNCLEDGER_DB_STATEMENT_TIMEOUT";

    private static long statementTimeout(String value) {
        try {
            java.time.Duration timeout = org.springframework.boot.convert.DurationStyle.detectAndParse(value.strip());
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return timeout.toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STATEMENT_TIMEOUT + " must be a duration such as 30s or 500ms, got '"
                    + value + "'");
        }
    }

    public static Path home(Env env) {
        return env.get("SYNCLEDGER_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".syncledger"));
    }

    /** Where the database runs. An embedded server outlives the context: it stays up until {@code db stop}. */
    public record DatabaseServer(String jdbcUrl, String user, String password, Path embeddedData) {

        static DatabaseServer external(String url, String user, String password) {
            return new DatabaseServer(url, user, password, null);
        }

        static DatabaseServer embedded(BackgroundPostgres postgres) {
            return new DatabaseServer(postgres.findOrStart().jdbcUrl(), "postgres", null, postgres.dataDirectory());
        }

        public boolean isEmbedded() {
            return embeddedData != null;
        }

        /** Where the data is, without credentials. */
        public String describe() {
            return isEmbedded() ? "embedded PostgreSQL, data in " + embeddedData
                    : "external PostgreSQL at " + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1****");
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
