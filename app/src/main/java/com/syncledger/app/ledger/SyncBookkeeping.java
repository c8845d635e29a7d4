package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Everything a sync writes to the ledger, in the order it writes it: runs left open by a process that died are
 * closed, what the platform said about the account is remembered, a run starts, fetched chunks are written
 * as versioned spend (which keeps the summary current in the same transaction), the run succeeds or fails with
 * its counts, and a completed backfill is marked. The sync itself holds no SQL.
 */
@Component
public class SyncBookkeeping {

    private final SyncRuns runs;
    private final AdAccounts accounts;
    private final SpendWriter writer;
    /**
     * A chunk's transaction holds a pooled connection until its commit is on disk. Every account of a sync
     * fetched at once would otherwise take all ten of the pool's connections at the end of each chunk, and reads
     * of the API would wait behind them; at most four leave the others to readers.
     */
    static final int CONCURRENT_WRITES = 4;
    private final Semaphore writeSlots = new Semaphore(CONCURRENT_WRITES, true);

    SyncBookkeeping(SyncRuns runs, AdAccounts accounts, SpendWriter writer) {
        this.runs = runs;
        this.accounts = accounts;
        this.writer = writer;
    }

    /** Closes as failed ("interrupted") the runs of the account that never finished. */
    public void closeAbandonedRuns(long adAccountId) {
        runs.failAbandoned(adAccountId);
    }

    /** Whether the account's backfill has completed (see {@link #markBackfilled}). */
    public boolean isBackfilled(long adAccountId) {
        return accounts.isBackfilled(adAccountId);
    }

    /** The account now holds everything its platform retains; later default syncs read the restatement window. */
    public void markBackfilled(long adAccountId) {
        accounts.markBackfilled(adAccountId);
    }

    /** Records what the platform reported about the account (currency, time zone, name). */
    public void remember(long adAccountId, AccountInfo info) {
        accounts.remember(adAccountId, info);
    }

    /** Opens a running sync run of the account over {@code range}, run by {@code runner}; answers its id. */
    public long startRun(long adAccountId, DateRange range, SyncRuns.Runner runner) {
        return runs.start(adAccountId, range, runner);
    }

    /**
     * Writes fetched chunks as versioned spend of the account, fetched by the run, in one transaction. At most
     * {@link #CONCURRENT_WRITES} writes run at once, whatever the number of accounts fetched at once.
     */
    public WriteCounts write(long adAccountId, long runId, List<FetchedChunk> chunks) {
        writeSlots.acquireUninterruptibly();
        try {
            return writer.write(adAccountId, runId, chunks);
        } finally {
            writeSlots.release();
        }
    }

    public void succeed(long runId, WriteCounts counts) {
        runs.succeed(runId, counts);
    }

    /** A failed run keeps the counts of what it wrote before failing (e.g. earlier chunks of a backfill). */
    public void fail(long runId, WriteCounts counts, SyncRuns.Failure failure) {
        runs.fail(runId, counts, failure);
    }
}
