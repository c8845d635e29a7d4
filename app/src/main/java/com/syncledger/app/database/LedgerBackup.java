package com.syncledger.app.database;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * A backup of the whole ledger that needs nothing but a JDBC connection, so it works the same on the
 * embedded server (which ships no {@code pg_dump}) and on an external one. Every table is read in one
 * REPEATABLE READ transaction, so the backup is one consistent snapshot even while a sync writes. The file
 * is gzip'd text: a header with the schema version, each table as PostgreSQL's {@code COPY} text format,
 * then the sequences. Its SHA-256 is written beside it ({@code FILE.sha256}, the {@code sha256sum} format)
 * and checked before a restore reads a single row.
 *
 * <p>A restore migrates the target to the backup's schema version and loads every table in one
 * transaction: all of it or nothing. It refuses a ledger that holds data unless told to replace it.
 */
@Component
public class LedgerBackup {

    private static final String MAGIC = "syncledger-backup 1";
    private static final String END_OF_ROWS = "\\.";

    private final DataSource dataSource;
    private final SchemaMigrations migrations;

    public LedgerBackup(DataSource dataSource, SchemaMigrations migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /** What a backup holds: its schema version and the rows of each table. */
    public record Contents(String schemaVersion, Map<String, Long> rows) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @throws IllegalArgumentException when {@code file} exists or the database has no ledger schema */
    public Contents backup(Path file) {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; choose a new file");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        MessageDigest sha256 = sha256();
        Contents contents;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(partial), sha256))) {
                contents = write(connection, out);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(checksumFile(file), HexFormat.of().formatHex(sha256.digest()) + "  "
                    + file.getFileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return contents;
    }

    private static Contents write(Connection connection, OutputStream out) throws SQLException, IOException {
        // The first query takes the snapshot every later one reads.
        String schema = schemaVersion(connection);
        LedgerTables tables = LedgerTables.read(connection);
        line(out, MAGIC);
        line(out, "schema " + schema);
        line(out, "taken " + Instant.now());
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (LedgerTables.Table table : tables.tables()) {
            line(out, "table " + table.name() + " " + String.join(",", table.columns()));
            rows.put(table.name(), copy.copyOut("copy (select " + table.columnList() + " from "
                    + LedgerTables.quote(table.name()) + ") to stdout", out));
            line(out, END_OF_ROWS);
        }
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery("""
                select sequencename, last_value from pg_sequences
                where schemaname = current_schema() and last_value is not null order by sequencename""")) {
            while (rs.next()) {
                line(out, "sequence " + rs.getString(1) + " " + rs.getLong(2));
            }
        }
        line(out, "end");
        return new Contents(schema, rows);
    }

    /**
     * Replaces the ledger with the backup's, after checking the backup's checksum.
     *
     * @param replace whether a ledger that holds data may be replaced
     * @throws IllegalArgumentException when the backup is damaged, its checksum is missing or wrong, the ledger
     *                                  holds data and {@code replace} is false, or the database's schema is
     *                                  newer than the backup's; nothing was changed
     */
    public Contents restore(Path file, boolean replace) {
        verifyChecksum(file);
        String schema = header(file);
        String current = migrations.currentVersion().orElse("0");
        if (org.flywaydb.core.api.MigrationVersion.fromVersion(current)
                .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(schema)) > 0) {
            throw new IllegalArgumentException("the database's schema (version " + current + ") is newer than the "
                    + "backup's (version " + schema + "); restore into a new database");
        }
        if (!replace) {
            refuseIfHoldsData();
        }
        migrations.migrateTo(schema);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Contents contents = load(connection, file);
                connection.commit();
                return contents;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed, nothing was changed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; nothing was changed", e);
        }
    }

    private static Contents load(Connection connection, Path file) throws SQLException, IOException {
        LedgerTables tables = LedgerTables.read(connection);
        Map<String, LedgerTables.Table> byName = new LinkedHashMap<>();
        tables.tables().forEach(t -> byName.put(t.name(), t));
        try (Statement truncate = connection.createStatement()) {
            truncate.execute("truncate " + String.join(", ", byName.keySet().stream().map(LedgerTables::quote).toList())
                    + " restart identity");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        String schema = null;
        try (BufferedReader in = reader(file)) {
            in.readLine(); // the magic line, checked by header()
            for (String line = in.readLine(); line != null && !line.equals("end"); line = in.readLine()) {
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "schema" -> schema = parts[1];
                    case "taken" -> { }
                    case "table" -> {
                        LedgerTables.Table table = byName.get(parts[1]);
                        if (table == null || !String.join(",", table.columns()).equals(parts[2])) {
                            throw damaged(file, "table " + parts[1] + " does not match schema version " + schema);
                        }
                        rows.put(table.name(), copyIn(copy, table, in, file));
                    }
                    case "sequence" -> setSequence(connection, parts[1], Long.parseLong(parts[2]));
                    default -> throw damaged(file, "unexpected line '" + abbreviate(line) + "'");
                }
            }
        }
        for (String view : tables.materializedViews()) {
            try (Statement refresh = connection.createStatement()) {
                refresh.execute("refresh materialized view " + LedgerTables.quote(view));
            }
        }
        return new Contents(schema, rows);
    }

    private static long copyIn(CopyManager copy, LedgerTables.Table table, BufferedReader in, Path file)
            throws SQLException, IOException {
        CopyIn load = copy.copyIn("copy " + LedgerTables.quote(table.name()) + " (" + table.columnList()
                + ") from stdin");
        try {
            ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 16);
            for (String row = in.readLine(); !END_OF_ROWS.equals(row); row = in.readLine()) {
                if (row == null) {
                    throw damaged(file, "the rows of " + table.name() + " end early");
                }
                batch.write(row.getBytes(StandardCharsets.UTF_8));
                batch.write('\n');
                if (batch.size() >= 1 << 16) {
                    load.writeToCopy(batch.toByteArray(), 0, batch.size());
                    batch.reset();
                }
            }
            load.writeToCopy(batch.toByteArray(), 0, batch.size());
            return load.endCopy();
        } finally {
            if (load.isActive()) {
                load.cancelCopy();
            }
        }
    }

    private static void setSequence(Connection connection, String sequence, long lastValue) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "select setval((quote_ident(current_schema()) || '.' || quote_ident(?))::regclass, ?)")) {
            set.setString(1, sequence);
            set.setLong(2, lastValue);
            set.execute();
        }
    }

    private void refuseIfHoldsData() {
        try (Connection connection = dataSource.getConnection()) {
            for (LedgerTables.Table table : LedgerTables.read(connection).tables()) {
                try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(
                        "select exists (select 1 from " + LedgerTables.quote(table.name()) + ")")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        throw new IllegalArgumentException("the ledger holds data (table " + table.name()
                                + "); restore into an empty database, or use --force to replace it");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger: " + e.getMessage(), e);
        }
    }

    /** The backup's schema version, after checking it is a backup at all. */
    private static String header(Path file) {
        try (BufferedReader in = reader(file)) {
            if (!MAGIC.equals(in.readLine())) {
                throw damaged(file, "not a SyncLedger backup");
            }
            String schema = in.readLine();
            if (schema == null || !schema.matches("schema \\d+(\\.\\d+)*")) {
                throw damaged(file, "no schema version");
            }
            return schema.substring("schema ".length());
        } catch (IOException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static void verifyChecksum(Path file) {
        Path sums = checksumFile(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(sums)) {
            throw new IllegalArgumentException("a backup is two files, " + file + " and " + sums
                    + "; " + (Files.isRegularFile(file) ? sums : file) + " is missing");
        }
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
            String expected = Files.readString(sums).strip().split("\\s+")[0];
            if (!HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(expected)) {
                throw damaged(file, "its SHA-256 differs from " + sums);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement()) {
            try (ResultSet exists = query.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    throw new IllegalArgumentException("the database holds no ledger: no migration was applied");
                }
            }
            try (ResultSet rs = query.executeQuery("""
                    select version from flyway_schema_history where success and version is not null
                    order by installed_rank desc limit 1""")) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("the database holds no ledger: no migration was applied");
                }
                return rs.getString(1);
            }
        }
    }

    static Path checksumFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void line(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static IllegalArgumentException damaged(Path file, String why) {
        return new IllegalArgumentException(file + " is not a usable backup: " + why + "; nothing was changed");
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
