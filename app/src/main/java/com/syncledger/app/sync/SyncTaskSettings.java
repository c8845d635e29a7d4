package com.syncledger.app.sync;

import com.syncledger.app.config.InvalidSettingException;
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
        if (threads < 1 || threads > 256) {
            throw new InvalidSettingException("threads", "must be 1 to 256, was " + threads);
        }
        if (missedHeartbeats < 2 || missedHeartbeats > 100) {
            throw new InvalidSettingException("missedHeartbeats", "must be 2 to 100, was " + missedHeartbeats);
        }
        requirePositive("pollInterval", pollInterval);
        requirePositive("heartbeat", heartbeat);
        requirePositive("busyRetry", busyRetry);
        requirePositive("interval", interval);
        requireNotNegative("shutdownWait", shutdownWait);
        requireNotNegative("initialDelay", initialDelay);
    }

    /** The defaults, changed by the {@code SYNCLEDGER_SYNC_*} variables {@code env} sets. */
    static SyncTaskSettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, SyncTaskSettings.class, VARIABLES);
    }

    /** After how long without a heartbeat a picked task counts as dead and is run again elsewhere. */
    Duration deadAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }

    private static void requirePositive(String component, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(component, "must be a positive duration, was " + value);
        }
    }

    private static void requireNotNegative(String component, Duration value) {
        if (value.isNegative()) {
            throw new InvalidSettingException(component, "must not be negative, was " + value);
        }
    }
}
