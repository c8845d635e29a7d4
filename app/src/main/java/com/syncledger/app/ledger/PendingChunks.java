package com.syncledger.app.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of one account fetched and not yet written. A transaction costs about as much as writing thirty
 * days whatever its size, so a sync writes an account's chunks together once they reach {@link #DAYS_PER_WRITE}
 * days (a backfill of 30-day chunks: one transaction per 13 chunks instead of 13), and what is left when the
 * account's fetch ends. A daily sync's one short chunk is written when its fetch ends, as before. A crash
 * loses at most this much fetching, never written days: the next sync fetches them again.
 */
public final class PendingChunks {

    /** A year of days, a leap year's included. */
    public static final int DAYS_PER_WRITE = 366;

    private final List<FetchedChunk> chunks = new ArrayList<>();
    private int days;

    /** Adds a fetched chunk; answers whether the pending days now fill a write. */
    public boolean add(FetchedChunk chunk) {
        chunks.add(chunk);
        days += chunk.report().range().days();
        return days >= DAYS_PER_WRITE;
    }

    /** The days of the pending chunks' ranges. */
    public int days() {
        return days;
    }

    /** Takes every pending chunk, in the order they were added, leaving none. */
    public List<FetchedChunk> take() {
        List<FetchedChunk> taken = List.copyOf(chunks);
        chunks.clear();
        days = 0;
        return taken;
    }
}
