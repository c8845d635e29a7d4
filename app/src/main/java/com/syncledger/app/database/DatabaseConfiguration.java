package com.syncledger.app.database;

import com.syncledger.app.config.SettingVariables;
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

    /** The variables {@link DatabaseSettings} is bound from. */
    @Bean
    static SettingVariables databaseSettingVariables() {
        return DatabaseSettings.VARIABLES;
    }

    @Bean
    DatabaseSettings databaseSettings(Env env) {
        return DatabaseSettings.fromEnv(env);
    }

    @Bean
    DatabaseServer databaseServer(DatabaseSettings settings) {
        return settings.external()
                .map(url -> DatabaseServer.external(url, settings.user(),
                        settings.password() == null ? null : settings.password().reveal()))
                .orElseGet(() -> DatabaseServer.embedded(BackgroundPostgres.of(settings.home())));
    }

    @Bean(destroyMethod = "close")
    @Lazy(false)
    HikariDataSource dataSource(DatabaseServer server, DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(5_000);
        config.setPoolName("syncledger");
        if (settings.statementTimeout() != null) {
            config.setConnectionInitSql("set statement_timeout = " + settings.statementTimeout().toMillis());
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            DurabilityCheck.verify(dataSource, settings.allowUnsafe(), server.describe());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
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
