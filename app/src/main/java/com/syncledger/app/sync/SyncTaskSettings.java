package com.syncledger.app.sync;

import com.syncledger.app.config.SettingChecks;
import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.config.SettingsBinder;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance takes part in the cluster-wide sync tasks. A task whose instance stops heartbeating is
 * taken over by another one after {@link #deadAfter()} (heartbeat times missed heartbeats) plus at most one
 * heartbeat and one poll.
 *
 * @param threads          account syncs this instance runs at once ({@code SYNCLEDGER_SYNC_THREADS})
 * @param pollInterval     how often it looks for due tasks ({@code SYNCLEDGER_SYNC_POLL_INTERVAL})
 * @param heartbeat        how often it marks its running tasks alive ({@code SYNCLEDGER_SYNC_HEARTBEAT})
 * @param missedHeartbeats heartbeats missed before a task counts as dead ({@code SYNCLEDGER_SYNC_MISSED_HEARTBEATS})
 * @param busyRetry        how soon a task finding its account busy is tried again ({@code SYNCLEDGER_SYNC_BUSY_RETRY})
 * @param shutdownWait     how long a stopping instance lets running syncs finish before handing them back
 *                         ({@code SYNCLEDGER_SYNC_SHUTDOWN_WAIT})
 * @param interval         the pause between scheduled turns ({@code SYNCLEDGER_SYNC_INTERVAL})
 * @param initialDelay     the first scheduled turn after the cluster first starts ({@code SYNCLEDGER_SYNC_INITIAL_DELAY})
 */
record SyncTaskSettings(
        @DefaultValue("8") int threads,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("5") int missedHeartbeats,
        @DefaultValue("2s") Duration busyRetry,
        @DefaultValue("30s") Duration shutdownWait,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("1m") Duration initialDelay) {

    static final String PROPERTIES = "syncledger.sync";
    static final SettingVariables VARIABLES = SettingVariables.of(PROPERTIES, "SYNCLEDGER_SYNC_",
            List.of("THREADS", "POLL_INTERVAL", "HEARTBEAT", "MISSED_HEARTBEATS", "BUSY_RETRY", "SHUTDOWN_WAIT",
                    "INTERVAL", "INITIAL_DELAY"));

    SyncTaskSettings {
        SettingChecks.requireWithin("threads", threads, 1, 256);
        SettingChecks.requireWithin("missedHeartbeats", missedHeartbeats, 2, 100);
        SettingChecks.requirePositive("pollInterval", pollInterval);
        SettingChecks.requirePositive("heartbeat", heartbeat);
        SettingChecks.requirePositive("busyRetry", busyRetry);
        SettingChecks.requirePositive("interval", interval);
        SettingChecks.requireNotNegative("shutdownWait", shutdownWait);
        SettingChecks.requireNotNegative("initialDelay", initialDelay);
    }

    /** The defaults, changed by the {@code SYNCLEDGER_SYNC_*} variables {@code env} sets. */
    static SyncTaskSettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, SyncTaskSettings.class, VARIABLES);
    }

    /** After how long without a heartbeat a picked task counts as dead and is run again elsewhere. */
    Duration deadAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }
}
