package com.syncledger.app.sync;

import com.syncledger.app.config.InstanceName;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SyncBookkeeping;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs one account's sync task on this instance: the account is fetched through the engine (its window, see
 * {@link SyncWindow}) and written as it arrives, and the run is recorded with this instance's name and the
 * task's id. Whatever happens ends as a recorded run; only when the database itself is gone does the task fail,
 * so the scheduler tries it again — unless a caller of this process waits for it: that caller, which also
 * watches its progress, is handed the storage failure instead, as when it synced by itself.
 */
@Component
class AccountSyncRunner {

    private final AdAccounts accounts;
    private final SyncBookkeeping ledger;
    private final FetchEngine engine;
    private final InstanceName instance;
    private final Clock clock = Clock.systemUTC();
    /**
     * Runs a storage failure could not close because the database itself was gone: the next sync of this
     * process closes them as {@code storage} (a process that died leaves them to {@code failAbandoned}).
     */
    private final Map<Long, Runnable> unrecordedFailures = new ConcurrentHashMap<>();
    private static final SyncRuns.Failure STORAGE_BEFORE_START = new SyncRuns.Failure("storage",
            "the database failed before the sync could start its run", null, null);

    /** Tasks a caller of this process waits for: their progress, and a storage failure to hand on. */
    private final Map<String, SyncProgress> watched = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    /** Tasks whose storage failure went to a caller here: settled, even if the database kept their rows. */
    private final Set<String> handedToCaller = ConcurrentHashMap.newKeySet();

    AccountSyncRunner(AdAccounts accounts, SyncBookkeeping ledger, FetchEngine engine, InstanceName instance) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.engine = engine;
        this.instance = instance;
    }

    /**
     * Syncs the task's account and records its run; or, when the account's request budget has no room for a sync
     * yet, does nothing and answers when to try again.
     *
     * @return empty when the sync ran; otherwise the task's turn
     * @throws RuntimeException when the outcome could not be recorded (the database failed): try again later
     */
    Optional<Instant> run(SyncTaskId task) {
        recordEarlierStorageFailures();
        SyncRuns.Runner runner = new SyncRuns.Runner(instance.value(), task.toString());
        Optional<AdAccount> link = accounts.linkedById(task.adAccountId());
        if (link.isEmpty()) {
            recordUnlinked(task, runner);
            return Optional.empty();
        }
        Optional<Instant> turn = budgetTurn(link.get());
        if (turn.isPresent()) {
            return turn;
        }
        SyncProgress progress = watched.getOrDefault(task.toString(), SyncProgress.NONE);
        AccountSync sync = new AccountSync(link.get().accountId(), List.of(link.get()), task.range(),
                id -> engine.descriptor(id.platform(), connection(link.get())), ledger, progress, clock, runner);
        try {
            // A backfill takes the newest days first, so a long one is useful early.
            engine.fetch(List.of(sync), task.range() == null);
        } catch (RuntimeException storageFailed) {
            Map<Long, Runnable> unrecorded = new HashMap<>();
            sync.storageFailed(storageFailed, unrecorded);
            if (!sync.startedRuns()) {
                // The database failed before the run could start: the request still ends as a (failed) run.
                Runnable record = () -> recordFailed(task, runner, STORAGE_BEFORE_START);
                try {
                    record.run();
                } catch (RuntimeException databaseGone) {
                    unrecorded.put(-task.adAccountId(), record);
                }
            }
            unrecordedFailures.putAll(unrecorded);
            if (watched.containsKey(task.toString())) {
                // The caller waiting here gets the error, as a sync it runs itself would raise it.
                failures.put(task.toString(), storageFailed instanceof DataAccessException ? storageFailed
                        : new DataAccessResourceFailureException("storing fetched spend failed", storageFailed));
                handedToCaller.add(task.toString());
            } else if (!unrecorded.isEmpty()) {
                // Nobody waits and the run is not recorded: the scheduler tries the task again later.
                throw storageFailed;
            }
            return Optional.empty();
        }
        sync.finish();
        return Optional.empty();
    }

    /** When the account's sync had better start, for its request budget: empty to start now. */
    private Optional<Instant> budgetTurn(AdAccount link) {
        try {
            return engine.budgetTurn(link.platform(), connection(link));
        } catch (DataAccessException unreadable) {
            // Start now: the sync meets the same failure and records it as its run, as the request is owed.
            return Optional.empty();
        }
    }

    /**
     * Whether the task's storage failure was already handed to a caller of this process: when the database
     * could not remove the task at the time, its row comes back as a dead execution and is not run again (asked
     * once: the entry goes with the answer).
     */
    boolean settledWithCaller(SyncTaskId task) {
        return handedToCaller.remove(task.toString());
    }

    /** A caller of this process waits for {@code task}: tell {@code progress}, keep a storage failure. */
    void watch(String task, SyncProgress progress) {
        watched.put(task, progress);
    }

    /** The caller stopped waiting: answers the task's storage failure, if it had one here. */
    Optional<RuntimeException> unwatch(String task) {
        watched.remove(task);
        return Optional.ofNullable(failures.remove(task));
    }

    /** The storage failure of a watched task run here, while the caller still waits. */
    Optional<RuntimeException> failure(String task) {
        return Optional.ofNullable(failures.get(task));
    }

    /** The account was unlinked after the request: its run says so, so the request still ends as a run. */
    private void recordUnlinked(SyncTaskId task, SyncRuns.Runner runner) {
        recordFailed(task, runner, new SyncRuns.Failure("unlinked", "the account was unlinked before its sync ran",
                null, null));
    }

    /** A run that failed before it could start, over the task's range (or yesterday, for a default window). */
    private void recordFailed(SyncTaskId task, SyncRuns.Runner runner, SyncRuns.Failure failure) {
        DateRange range = task.range() != null ? task.range()
                : DateRange.single(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
        long run = ledger.startRun(task.adAccountId(), range, runner);
        ledger.fail(run, WriteCounts.NONE, failure);
    }

    private static OptionalLong connection(AdAccount link) {
        return link.connectionId() == null ? OptionalLong.empty() : OptionalLong.of(link.connectionId());
    }

    private void recordEarlierStorageFailures() {
        unrecordedFailures.forEach((run, close) -> {
            close.run();
            unrecordedFailures.remove(run);
        });
    }
}
