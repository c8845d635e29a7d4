package com.syncledger.app.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code serve} syncs every linked account on a schedule ({@code SYNCLEDGER_SYNC_INTERVAL}, an ISO-8601
 * duration, default six hours), skipping a turn while another sync runs anywhere.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "syncledger.sync.schedule.enabled", havingValue = "true", matchIfMissing = true)
class SyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final SyncService sync;

    SyncScheduler(SyncService sync) {
        this.sync = sync;
    }

    @Scheduled(initialDelayString = "${SYNCLEDGER_SYNC_INITIAL_DELAY:PT1M}", fixedDelayString = "${SYNCLEDGER_SYNC_INTERVAL:PT6H}")
    void syncAll() {
        sync.syncAllUnlessRunning().ifPresentOrElse(
                outcomes -> log.info("scheduled sync finished: accounts={} failed={}", outcomes.size(),
                        outcomes.stream().filter(o -> !o.succeeded()).count()),
                () -> log.info("scheduled sync skipped: another sync is running"));
    }
}
