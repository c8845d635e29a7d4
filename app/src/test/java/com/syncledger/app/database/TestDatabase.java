package com.syncledger.app.database;

import com.syncledger.connectors.wire.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL for the whole test run: the server named by {@code SYNCLEDGER_TEST_DB_URL} (a JDBC
 * URL of a database whose user may create databases), or an embedded one. Each test gets a fresh,
 * empty database of its own. The embedded one keeps its library's fast settings (no fsync): test data is
 * throwaway, so the tests say so with {@code SYNCLEDGER_DB_ALLOW_UNSAFE}.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer embedded;

    private TestDatabase() {
    }

    /** A new empty database: its JDBC URL, user and password. */
    public record Fresh(String url, String user, String password) {

        public DataSource dataSource() {
            return new DriverManagerDataSource(url, user, password);
        }

        /** Settings pointing SyncLedger at this database, plus {@code extra}. */
        public Env env(Map<String, String> extra) {
            Map<String, String> values = new HashMap<>(extra);
            values.putAll(settings());
            return Env.of(values);
        }

        /** The settings pointing SyncLedger at this database, e.g. for a child process's environment. */
        public Map<String, String> settings() {
            Map<String, String> values = new HashMap<>();
            values.put("SYNCLEDGER_DB_URL", url);
            values.put("SYNCLEDGER_DB_USER", user);
            if (password != null) {
                values.put("SYNCLEDGER_DB_PASSWORD", password);
            }
            values.put(DurabilityCheck.ALLOW_UNSAFE, "true");
            return values;
        }
    }

    public static synchronized Fresh fresh() {
        String adminUrl = System.getenv("SYNCLEDGER_TEST_DB_URL");
        String user = System.getenv().getOrDefault("SYNCLEDGER_TEST_DB_USER", "postgres");
        String password = System.getenv("SYNCLEDGER_TEST_DB_PASSWORD");
        if (adminUrl == null) {
            adminUrl = server().jdbcUrl();
            password = null;
        }
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        new JdbcTemplate(new DriverManagerDataSource(adminUrl, user, password)).execute("create database " + name);
        return new Fresh(adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
    }

    private static EmbeddedPostgresServer server() {
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("syncledger-test-pg");
                embedded = EmbeddedPostgresServer.start(dir.resolve("pgdata"), EmbeddedPostgresServer.Durability.FAST, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }
}
