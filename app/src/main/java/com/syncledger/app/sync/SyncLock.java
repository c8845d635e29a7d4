package com.syncledger.app.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One platform-calling CLI command at a time across every process sharing the database (the CLI's fetch and
 * credential check): a PostgreSQL session advisory lock held on its own connection while the command runs.
 * Syncs do not take it: they are account sync tasks, one per account at a time (see {@link ClusterScheduler}).
 */
@Component
class SyncLock {

    // "SYNC", in the two-integer key space: the single-bigint space holds the per-account write locks of
    // SpendWriter (keyed by ad account id), which must never be this lock.
    private static final int KEY = 0x53594e43;

    private final DataSource dataSource;

    SyncLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} once no other holder runs, waiting for the one that does. */
    <T> T whileHeld(Supplier<T> work) {
        return run(true, work).orElseThrow();
    }

    private <T> Optional<T> run(boolean wait, Supplier<T> work) {
        try (Connection holder = dataSource.getConnection()) {
            if (!lock(holder, wait)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?, 0)")) {
                    unlock.setInt(1, KEY);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot take the sync lock", e);
        }
    }

    private static boolean lock(Connection connection, boolean wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(wait ? "select true from pg_advisory_lock(?, 0) x"
                : "select pg_try_advisory_lock(?, 0)")) {
            lock.setInt(1, KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
