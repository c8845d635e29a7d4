package com.syncledger.app.sync;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SyncBookkeeping;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Fetches and persists spend for linked accounts, through the cluster-wide sync tasks: a request becomes one
 * account sync task per linked account (joined to an identical waiting one), which some instance runs — each
 * account at most once at a time, different accounts in parallel (see {@link ClusterScheduler}). Each task
 * reads its account's window (see {@link SyncWindow}), writes every chunk as it arrives (each write keeps the summary current) and records its run. A
 * failed fetch writes nothing for the failed days and deletes nothing: the last known values stay and readers
 * see them as stale. What is written goes through the ledger's {@link SyncBookkeeping}.
 */
@Service
public class SyncService {

    private static final Duration FIRST_LOOK = Duration.ofMillis(50);
    private static final Duration LONGEST_LOOK = Duration.ofMillis(500);
    /** Looks that fail one after another before a wait gives up: each waits the pool's whole connection timeout. */
    private static final int FAILED_LOOKS_BEFORE_GIVING_UP = 3;

    private final AdAccounts accounts;
    private final SyncBookkeeping ledger;
    private final SyncRuns runs;
    private final SyncRequests requests;
    private final SyncTaskTable table;
    private final ClusterScheduler scheduler;
    private final AccountSyncRunner runner;
    private final SyncLock lock;

    SyncService(AdAccounts accounts, SyncBookkeeping ledger, SyncRuns runs, SyncRequests requests,
            SyncTaskTable table, ClusterScheduler scheduler, AccountSyncRunner runner, SyncLock lock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.runs = runs;
        this.requests = requests;
        this.table = table;
        this.scheduler = scheduler;
        this.runner = runner;
        this.lock = lock;
    }

    /**
     * Asks for a sync of the store's linked accounts and returns at once: one ticket per account, saying which
     * task will run it and whether the request joined one already waiting.
     *
     * @param range the days to read, or null for each account's own window
     */
    public List<SyncTicket> requestStore(long storeId, DateRange range) {
        return requests.enqueue(scheduler.client(), accounts.linked(storeId), range);
    }

    /** How many of the store's account syncs are waiting or running, on any instance. */
    public int activeTasks(long storeId) {
        return table.activeForAccounts(accounts.linked(storeId).stream().map(AdAccount::id).toList());
    }

    /** Syncs one store's accounts and waits for them, running tasks in this process meanwhile. */
    public List<SyncOutcome> syncStore(long storeId, DateRange range, SyncProgress progress) {
        return syncAndWait(accounts.linked(storeId), range, progress);
    }

    /** Syncs every linked account of every store and waits for them, running tasks in this process meanwhile. */
    public List<SyncOutcome> syncAll(DateRange range, SyncProgress progress) {
        return syncAndWait(accounts.allLinked(), range, progress);
    }

    /**
     * Runs {@code work} holding the platform-call lock, after any other holder. The CLI's fetch and credential
     * check take it, so two of them never refresh, and so rotate, the same refresh token at once.
     */
    public <T> T whileNoSyncRuns(Supplier<T> work) {
        return lock.whileHeld(work);
    }

    private List<SyncOutcome> syncAndWait(List<AdAccount> links, DateRange range, SyncProgress progress) {
        scheduler.execute();
        List<SyncTicket> tickets = requests.enqueue(scheduler.client(), links, range);
        List<String> tasks = tickets.stream().map(SyncTicket::task).distinct().toList();
        tasks.forEach(task -> runner.watch(task, progress));
        try {
            awaitFinished(tasks);
        } finally {
            Optional<RuntimeException> failure = Optional.empty();
            for (String task : tasks) {
                Optional<RuntimeException> own = runner.unwatch(task);
                failure = failure.or(() -> own);
            }
            failure.ifPresent(storage -> {
                throw storage;
            });
        }
        return outcomes(tickets);
    }

    /**
     * Waits, holding no connection between looks, until every task has ended here or elsewhere. When the
     * database cannot be asked, a storage failure of one of the tasks here says more than the lookup's own; a
     * failed look alone is tried again a few times, since the tasks may still finish (a pool busy for a moment).
     */
    private void awaitFinished(List<String> tasks) {
        Duration pause = FIRST_LOOK;
        List<String> left = tasks;
        int failedLooks = 0;
        while (!left.isEmpty()) {
            Set<String> remaining;
            try {
                remaining = table.remaining(left);
                failedLooks = 0;
            } catch (RuntimeException lookupFailed) {
                for (String task : tasks) {
                    runner.failure(task).ifPresent(storage -> {
                        throw storage;
                    });
                }
                if (++failedLooks >= FAILED_LOOKS_BEFORE_GIVING_UP) {
                    throw lookupFailed;
                }
                sleep(pause);
                continue;
            }
            left = left.stream().filter(remaining::contains).toList();
            if (!left.isEmpty()) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : pause.multipliedBy(2);
            }
        }
    }

    private List<SyncOutcome> outcomes(List<SyncTicket> tickets) {
        Map<String, SyncRun> latest = runs.latestForTasks(tickets.stream().map(SyncTicket::task).distinct().toList());
        List<SyncOutcome> outcomes = new ArrayList<>(tickets.size());
        for (SyncTicket ticket : tickets) {
            SyncRun run = latest.get(ticket.task());
            if (run == null) {
                // The task gave up without recording a run (the database failed on every try).
                outcomes.add(new SyncOutcome(ticket.account(), 0, null, WriteCounts.NONE, "failed",
                        "storage: the sync could not be recorded"));
                continue;
            }
            WriteCounts counts = new WriteCounts(run.daysNew(), run.daysRestated(), run.daysUnchanged());
            DateRange range = DateRange.of(run.rangeFrom(), run.rangeTo());
            boolean succeeded = "succeeded".equals(run.status());
            outcomes.add(new SyncOutcome(ticket.account(), run.id(), range, counts, run.status(),
                    succeeded ? null : run.errorKind() + ": " + run.errorMessage()));
        }
        return List.copyOf(outcomes);
    }

    private static void sleep(Duration pause) {
        Pause.sleep(pause, e -> new IllegalStateException("interrupted while waiting for syncs", e));
    }
}
