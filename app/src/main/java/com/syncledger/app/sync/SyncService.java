package com.syncledger.app.sync;

import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SyncBookkeeping;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Fetches and persists spend for linked accounts. A sync reads top to bottom: under the sync lock, each ad
 * account becomes an {@link AccountSync} (an account linked to several stores is fetched once and written to
 * each link); the engine fetches them all concurrently, each reading its window (see {@link SyncWindow}) and
 * writing every chunk as it arrives (each write keeps the summary current); then each account closes its runs
 * with what happened. A failed fetch writes nothing for the failed days and deletes nothing: the last known
 * values stay and readers see them as stale. What is written goes through the ledger's {@link SyncBookkeeping}.
 */
@Service
public class SyncService {

    private final AdAccounts accounts;
    private final SyncBookkeeping ledger;
    private final FetchEngine engine;
    private final SyncLock lock;
    private final Clock clock;
    /**
     * Runs a storage failure could not close because the database itself was gone: the next sync of this
     * process closes them as {@code storage} (a process that died leaves them to {@code failAbandoned}).
     */
    private final Map<Long, Runnable> unrecordedFailures = new ConcurrentHashMap<>();

    SyncService(AdAccounts accounts, SyncBookkeeping ledger, FetchEngine engine, SyncLock lock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.engine = engine;
        this.lock = lock;
        this.clock = Clock.systemUTC();
    }

    /** Syncs one store's accounts, after any sync already running. */
    public List<SyncOutcome> syncStore(long storeId, DateRange range, SyncProgress progress) {
        accounts.linked(storeId); // an unknown store fails before waiting for the lock
        // The accounts are read once the lock is held, so links changed while waiting are synced as they are now.
        return lock.whileHeld(() -> sync(accounts.linked(storeId), range, progress));
    }

    /** Syncs every linked account of every store, after any sync already running. */
    public List<SyncOutcome> syncAll(DateRange range, SyncProgress progress) {
        return lock.whileHeld(() -> sync(accounts.allLinked(), range, progress));
    }

    /** Syncs every linked account's default window, unless a sync is running right now. */
    public Optional<List<SyncOutcome>> syncAllUnlessRunning() {
        return lock.ifFree(() -> sync(accounts.allLinked(), null, SyncProgress.NONE));
    }

    /**
     * Runs {@code work} holding the sync lock, after any sync already running. Platform calls outside a sync
     * (the CLI's fetch and credential check) take it too, so two processes never refresh, and so rotate, the
     * same refresh token at once.
     */
    public <T> T whileNoSyncRuns(Supplier<T> work) {
        return lock.whileHeld(work);
    }

    /** @param explicit the range to read, or null for each account's default window */
    private List<SyncOutcome> sync(List<AdAccount> linked, DateRange explicit, SyncProgress progress) {
        recordEarlierStorageFailures();
        Map<AccountId, List<AdAccount>> links = linked.stream()
                .collect(Collectors.groupingBy(AdAccount::accountId, LinkedHashMap::new, Collectors.toList()));
        List<AccountSync> syncs = links.entrySet().stream()
                .map(account -> new AccountSync(account.getKey(), account.getValue(), explicit,
                        id -> engine.descriptor(id.platform()), ledger, progress, clock))
                .toList();
        try {
            // A backfill takes the newest days first, so a long one is useful early.
            engine.fetch(syncs, explicit == null);
        } catch (RuntimeException storageFailed) {
            syncs.forEach(sync -> sync.storageFailed(storageFailed, unrecordedFailures));
            throw storageFailed;
        }
        return syncs.stream().flatMap(sync -> sync.finish().stream()).toList();
    }

    private void recordEarlierStorageFailures() {
        unrecordedFailures.forEach((run, close) -> {
            close.run();
            unrecordedFailures.remove(run);
        });
    }
}
