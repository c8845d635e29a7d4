package com.syncledger.app.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code serve} syncs every linked account on a schedule ({@code SYNCLEDGER_SYNC_INTERVAL}, an ISO-8601
 * duration, default six hours). A PostgreSQL advisory lock makes sure only one instance syncs at a time.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "syncledger.sync.schedule.enabled", havingValue = "true", matchIfMissing = true)
class SyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
    private static final long LOCK_KEY = 0x53594e43L; // "SYNC"

    private final SyncService sync;
    private final DataSource dataSource;

    SyncScheduler(SyncService sync, DataSource dataSource) {
        this.sync = sync;
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${SYNCLEDGER_SYNC_INITIAL_DELAY:PT1M}", fixedDelayString = "${SYNCLEDGER_SYNC_INTERVAL:PT6H}")
    void syncAll() throws SQLException {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                log.info("scheduled sync skipped: another instance is syncing");
                return;
            }
            try {
                var outcomes = sync.syncAll(null, SyncProgress.NONE);
                long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
                log.info("scheduled sync finished: accounts={} failed={}", outcomes.size(), failed);
            } finally {
                try (PreparedStatement unlock = lockHolder.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK_KEY);
                    unlock.execute();
                }
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
