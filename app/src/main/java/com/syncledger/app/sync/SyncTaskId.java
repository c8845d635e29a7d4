package com.syncledger.app.sync;

import com.syncledger.connectors.spi.DateRange;
import java.util.UUID;

/**
 * The instance id of one account's sync task: {@code <ad account id>:<range>:<nonce>}, the range being
 * {@code default} (the account's own window) or {@code <from>..<to>}. Requests for the same account and range
 * share a pending task ({@link #pendingPrefix}); the nonce makes a new task once that one has started, so a
 * request made while a sync runs gets a sync of its own afterwards.
 *
 * @param range null for the account's default window
 */
record SyncTaskId(long adAccountId, DateRange range, String nonce) {

    private static final String DEFAULT = "default";

    static SyncTaskId fresh(long adAccountId, DateRange range) {
        return new SyncTaskId(adAccountId, range, UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * @throws IllegalArgumentException when {@code id} is not a sync task's id
     */
    static SyncTaskId parse(String id) {
        String[] parts = id.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a sync task id: " + id);
        }
        DateRange range = null;
        if (!parts[1].equals(DEFAULT)) {
            String[] days = parts[1].split("\\.\\.", -1);
            if (days.length != 2) {
                throw new IllegalArgumentException("not a sync task id: " + id);
            }
            range = DateRange.parse(days[0], days[1]);
        }
        return new SyncTaskId(Long.parseLong(parts[0]), range, parts[2]);
    }

    /** What every task of this account and range starts with. */
    String pendingPrefix() {
        return adAccountId + ":" + (range == null ? DEFAULT : range.from() + ".." + range.to()) + ":";
    }

    /** What every task of this account starts with, whatever its range. */
    static String accountPrefix(long adAccountId) {
        return adAccountId + ":";
    }

    @Override
    public String toString() {
        return pendingPrefix() + nonce;
    }
}
