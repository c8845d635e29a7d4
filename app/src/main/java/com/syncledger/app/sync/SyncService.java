package com.syncledger.app.sync;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.app.fetch.FetchStatus;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SpendWriter;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fetches and persists spend for linked accounts: each account reads its window (see {@link SyncWindow}),
 * every fetched chunk is written as it arrives through the versioned {@link SpendWriter}, and each
 * account's sync run records what happened. A failed fetch writes nothing for the failed days and
 * deletes nothing: the last known values stay and readers see them as stale.
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final AdAccounts accounts;
    private final SyncRuns runs;
    private final SpendWriter writer;
    private final FetchEngine engine;
    private final JdbcClient jdbc;
    private final SyncLock lock;
    private final Clock clock;
    /**
     * Runs a storage failure could not close because the database itself was gone: the next sync of this
     * process closes them as {@code storage} (a process that died leaves them to {@code failAbandoned}).
     */
    private final Map<Long, Runnable> unrecordedFailures = new ConcurrentHashMap<>();

    public SyncService(AdAccounts accounts, SyncRuns runs, SpendWriter writer, FetchEngine engine, JdbcClient jdbc,
            SyncLock lock) {
        this.lock = lock;
        this.accounts = accounts;
        this.runs = runs;
        this.writer = writer;
        this.engine = engine;
        this.jdbc = jdbc;
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
    public <T> T whileNoSyncRuns(java.util.function.Supplier<T> work) {
        return lock.whileHeld(work);
    }

    private List<SyncOutcome> sync(List<AdAccount> linked, DateRange explicit, SyncProgress progress) {
        // An account linked to several stores is fetched once and written to each link.
        recordEarlierStorageFailures();
        Map<AccountId, List<AdAccount>> byAccount = linked.stream()
                .collect(Collectors.groupingBy(AdAccount::accountId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Long> runIds = new ConcurrentHashMap<>();
        Map<Long, WriteCounts> counts = new ConcurrentHashMap<>();
        Set<Long> backfilling = new HashSet<>();
        List<FetchRequest> requests = new ArrayList<>();
        for (var entry : byAccount.entrySet()) {
            List<AdAccount> links = entry.getValue();
            links.forEach(a -> runs.failAbandoned(a.id()));
            // A link not yet backfilled (newly linked, perhaps to another store, or synced only for explicit
            // ranges) has no full history: backfill, which rewrites the other links' days as unchanged.
            boolean backfill = explicit == null && links.stream().anyMatch(a -> !accounts.isBackfilled(a.id()));
            if (backfill) {
                links.forEach(a -> backfilling.add(a.id()));
            }
            requests.add(new FetchRequest(entry.getKey(), info -> {
                DateRange range = SyncWindow.of(explicit, backfill, engine.descriptor(entry.getKey().platform()),
                        info.timeZone(), clock);
                for (AdAccount link : links) {
                    accounts.remember(link.id(), info);
                    runIds.put(link.id(), runs.start(link.id(), range));
                    counts.put(link.id(), WriteCounts.NONE);
                }
                progress.planned(range.days());
                return range;
            }));
        }
        List<AccountFetch> fetched;
        try {
            fetched = engine.fetch(requests, (AccountId account, AccountInfo info, SpendReport chunk) -> {
                for (AdAccount link : byAccount.get(account)) {
                    WriteCounts written = writer.write(link.id(), runIds.get(link.id()), chunk, clock.instant());
                    counts.merge(link.id(), written, WriteCounts::plus);
                }
                progress.done(chunk.days().size());
            }, explicit == null);
        } catch (RuntimeException storageFailed) {
            // Writing a chunk failed (the database, not a platform): close every run this sync opened.
            SyncRuns.Failure failure = new SyncRuns.Failure("storage", "storing fetched spend failed: "
                    + storageFailed.getClass().getSimpleName(), null, null);
            runIds.forEach((link, run) -> {
                Runnable close = () -> runs.fail(run, counts.getOrDefault(link, WriteCounts.NONE), failure);
                try {
                    close.run();
                } catch (RuntimeException databaseGone) {
                    unrecordedFailures.put(run, close);
                }
            });
            throw storageFailed;
        }
        List<SyncOutcome> outcomes = new ArrayList<>();
        for (AccountFetch fetch : fetched) {
            for (AdAccount link : byAccount.get(fetch.account())) {
                outcomes.add(finish(link, fetch, runIds, counts, explicit));
                if (fetch.status() == FetchStatus.OK && backfilling.contains(link.id())) {
                    accounts.markBackfilled(link.id());
                }
            }
        }
        refreshSummary();
        return outcomes;
    }

    private SyncOutcome finish(AdAccount link, AccountFetch fetch, Map<Long, Long> runIds, Map<Long, WriteCounts> counts,
            DateRange explicit) {
        // An account whose info could not be read never resolved its range: record the run all the same.
        long runId = runIds.computeIfAbsent(link.id(), id -> runs.start(id, fetch.range() != null ? fetch.range()
                : fallbackRange(link, explicit)));
        WriteCounts written = counts.getOrDefault(link.id(), WriteCounts.NONE);
        if (fetch.status() == FetchStatus.OK) {
            runs.succeed(runId, written);
            return new SyncOutcome(link, runId, fetch.range(), written, "succeeded", null);
        }
        String kind = fetch.status() == FetchStatus.NOT_CONFIGURED ? "not_configured" : fetch.error().kind().slug();
        String message = fetch.error() == null ? "platform not configured" : fetch.error().message();
        runs.fail(runId, written, new SyncRuns.Failure(kind, message,
                fetch.error() == null ? null : fetch.error().platformCode(),
                fetch.error() == null ? null : fetch.error().requestId()));
        log.warn("sync of {} account {} failed: {}: {}", link.platform().slug(), link.externalId(), kind, message);
        return new SyncOutcome(link, runId, fetch.range(), written, "failed", kind + ": " + message);
    }

    private void recordEarlierStorageFailures() {
        unrecordedFailures.forEach((run, close) -> {
            close.run();
            unrecordedFailures.remove(run);
        });
    }

    /** The range recorded for a run whose account info could not be read: the explicit one, or yesterday. */
    private DateRange fallbackRange(AdAccount link, DateRange explicit) {
        ZoneId zone = link.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(link.timeZone());
        return explicit != null ? explicit : DateRange.single(java.time.LocalDate.now(clock.withZone(zone)).minusDays(1));
    }

    /** Readers keep reading the old summary while it refreshes. */
    private void refreshSummary() {
        jdbc.sql("refresh materialized view concurrently platform_spend_summary").update();
    }
}
