package com.syncledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from embedded binaries, its data directory kept between runs so data
 * survives restarts. Used when no external database is configured.
 *
 * <p>The library behind it is made for tests and turns {@code fsync} and {@code synchronous_commit} off;
 * a server holding a ledger sets them back on, so a committed write survives an OS crash or power loss.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A durable server on a free port: what holds real data. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, Durability.DURABLE, 0);
    }

    /**
     * @param port the port to listen on, or 0 for a free one (a restarted server keeps its port so the
     *             clients' JDBC URL stays valid)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, Durability durability, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            durability.settings().forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("embedded PostgreSQL started: data={} port={} durability={}", dataDirectory, postgres.getPort(),
                    durability);
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL with data in " + dataDirectory
                    + " (is another SyncLedger using it? set SYNCLEDGER_HOME to use another directory)", e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the server writes to disk. */
    public enum Durability {
        /** Every commit is on disk before it is acknowledged, and torn pages are recoverable. */
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        /** The library's own test settings: fast, and a crash of the machine may lose committed data. */
        FAST(Map.of());

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }

        Map<String, String> settings() {
            return settings;
        }
    }
}
