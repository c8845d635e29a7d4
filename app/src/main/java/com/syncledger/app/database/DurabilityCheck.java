package com.syncledger.app.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to keep a ledger on a server that may lose committed writes in an OS crash or power loss
 * ({@code fsync}, {@code synchronous_commit} or {@code full_page_writes} off), unless
 * {@code SYNCLEDGER_DB_ALLOW_UNSAFE=true} says that is intended (tests, throwaway data); then it warns.
 */
public final class DurabilityCheck {

    public static final String ALLOW_UNSAFE = "SYNCLEDGER_DB_ALLOW_UNSAFE";
    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);
    private static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private DurabilityCheck() {
    }

    /** @throws IllegalStateException when the server is not durable and that is not explicitly allowed */
    public static void verify(DataSource dataSource, boolean allowUnsafe, String server) {
        List<String> unsafe = unsafeSettings(dataSource);
        if (unsafe.isEmpty()) {
            return;
        }
        String what = server + " runs with " + String.join(", ", unsafe)
                + ": a crash of the machine can lose committed ledger data";
        if (!allowUnsafe) {
            throw new IllegalStateException(what + ". Turn them on in postgresql.conf, or set " + ALLOW_UNSAFE
                    + "=true if losing data is acceptable (tests, throwaway data)");
        }
        log.warn("{} ({}=true)", what, ALLOW_UNSAFE);
    }

    /** The durability settings that are off, as {@code name=off}. */
    public static List<String> unsafeSettings(DataSource dataSource) {
        List<String> off = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement show = connection.createStatement()) {
            for (String setting : SETTINGS) {
                try (ResultSet rs = show.executeQuery("show " + setting)) {
                    rs.next();
                    // synchronous_commit also has local, remote_write and remote_apply: all flush locally.
                    if ("off".equalsIgnoreCase(rs.getString(1))) {
                        off.add(setting + "=off");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's durability settings: " + e.getMessage(), e);
        }
        return off;
    }
}
