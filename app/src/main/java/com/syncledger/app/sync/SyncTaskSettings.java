package com.syncledger.app.sync;

import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;

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
record SyncTaskSettings(int threads, Duration pollInterval, Duration heartbeat, int missedHeartbeats,
        Duration busyRetry, Duration shutdownWait, Duration interval, Duration initialDelay) {

    SyncTaskSettings {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("SYNCLEDGER_SYNC_THREADS must be 1 to 256, was " + threads);
        }
        if (missedHeartbeats < 2 || missedHeartbeats > 100) {
            throw new IllegalArgumentException("SYNCLEDGER_SYNC_MISSED_HEARTBEATS must be 2 to 100, was "
                    + missedHeartbeats);
        }
        requirePositive("SYNCLEDGER_SYNC_POLL_INTERVAL", pollInterval);
        requirePositive("SYNCLEDGER_SYNC_HEARTBEAT", heartbeat);
        requirePositive("SYNCLEDGER_SYNC_BUSY_RETRY", busyRetry);
        requirePositive("SYNCLEDGER_SYNC_INTERVAL", interval);
        if (shutdownWait.isNegative() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("SYNCLEDGER_SYNC_SHUTDOWN_WAIT and SYNCLEDGER_SYNC_INITIAL_DELAY "
                    + "must not be negative");
        }
    }

    static SyncTaskSettings fromEnv(Env env) {
        return new SyncTaskSettings(
                integer(env, "SYNCLEDGER_SYNC_THREADS", 8),
                duration(env, "SYNCLEDGER_SYNC_POLL_INTERVAL", Duration.ofSeconds(1)),
                duration(env, "SYNCLEDGER_SYNC_HEARTBEAT", Duration.ofSeconds(2)),
                integer(env, "SYNCLEDGER_SYNC_MISSED_HEARTBEATS", 5),
                duration(env, "SYNCLEDGER_SYNC_BUSY_RETRY", Duration.ofSeconds(2)),
                duration(env, "SYNCLEDGER_SYNC_SHUTDOWN_WAIT", Duration.ofSeconds(30)),
                duration(env, "SYNCLEDGER_SYNC_INTERVAL", Duration.ofHours(6)),
                duration(env, "SYNCLEDGER_SYNC_INITIAL_DELAY", Duration.ofMinutes(1)));
    }

    /** After how long without a heartbeat a picked task counts as dead and is run again elsewhere. */
    Duration deadAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }

    private static Duration duration(Env env, String name, Duration fallback) {
        return env.get(name).map(value -> FetchSettings.parseDuration(name, value)).orElse(fallback);
    }

    private static int integer(Env env, String name, int fallback) {
        return env.get(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
            }
        }).orElse(fallback);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
