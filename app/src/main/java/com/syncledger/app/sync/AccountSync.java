package com.syncledger.app.sync;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.AccountSink;
import com.syncledger.app.fetch.FetchError;
import com.syncledger.app.fetch.FetchStatus;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.FetchedChunk;
import com.syncledger.app.ledger.PendingChunks;
import com.syncledger.app.ledger.SyncBookkeeping;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync of one ad account, fetched once and written to each store it is linked to. As the engine's sink it
 * opens a run per link once the account's range is known and writes the fetched chunks to each link, a year of
 * days at a time ({@link PendingChunks}) and the rest when the fetch ends; {@link #finish}
 * then closes the runs with what happened. Called by one thread at a time: the engine's thread for the
 * account while fetching, then the sync's.
 */
final class AccountSync implements AccountSink {

    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);

    private final AccountId account;
    private final List<AdAccount> links;
    private final DateRange explicit;
    private final boolean backfill;
    private final Function<AccountId, ConnectorDescriptor> descriptors;
    private final SyncBookkeeping ledger;
    private final SyncProgress progress;
    private final Clock clock;
    private final SyncRuns.Runner runner;
    private final Map<Long, Long> runIds = new LinkedHashMap<>();
    private final Map<Long, WriteCounts> counts = new LinkedHashMap<>();
    private final PendingChunks pending = new PendingChunks();
    private AccountFetch result;

    /**
     * Closes the links' abandoned runs and decides whether the account is backfilled: a link not yet backfilled
     * (newly linked, perhaps to another store, or synced only for explicit ranges) has no full history, so
     * without an explicit range the account reads everything its platform retains, which rewrites the other
     * links' days as unchanged.
     */
    AccountSync(AccountId account, List<AdAccount> links, DateRange explicit,
            Function<AccountId, ConnectorDescriptor> descriptors, SyncBookkeeping ledger, SyncProgress progress,
            Clock clock, SyncRuns.Runner runner) {
        this.account = account;
        this.links = List.copyOf(links);
        this.explicit = explicit;
        this.descriptors = descriptors;
        this.ledger = ledger;
        this.progress = progress;
        this.clock = clock;
        this.runner = runner;
        links.forEach(link -> ledger.closeAbandonedRuns(link.id()));
        this.backfill = explicit == null && links.stream().anyMatch(link -> !ledger.isBackfilled(link.id()));
    }

    @Override
    public AccountId account() {
        return account;
    }

    /** The connection the account is fetched with: the link's (one link per account sync). */
    @Override
    public OptionalLong connection() {
        return links.stream().map(AdAccount::connectionId).filter(java.util.Objects::nonNull).findFirst()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public DateRange info(AccountInfo info) {
        DateRange range = SyncWindow.of(explicit, backfill, descriptors.apply(account), info.timeZone(), clock);
        for (AdAccount link : links) {
            ledger.remember(link.id(), info);
            runIds.put(link.id(), ledger.startRun(link.id(), range, runner));
            counts.put(link.id(), WriteCounts.NONE);
        }
        progress.planned(range.days());
        return range;
    }

    @Override
    public void chunk(SpendReport chunk) {
        if (pending.add(new FetchedChunk(chunk, clock.instant()))) {
            writePending();
        }
    }

    /** Writes what is still pending, whatever the result: days fetched before a failure are kept. */
    @Override
    public void finished(AccountFetch fetched) {
        this.result = fetched;
        writePending();
    }

    private void writePending() {
        int days = pending.days();
        List<FetchedChunk> chunks = pending.take();
        if (chunks.isEmpty()) {
            return;
        }
        for (AdAccount link : links) {
            WriteCounts written = ledger.write(link.id(), runIds.get(link.id()), chunks);
            counts.merge(link.id(), written, WriteCounts::plus);
        }
        progress.done(days);
    }

    /**
     * Closes every run this account opened as failed by storage. A run that cannot be closed now, because the
     * database itself is gone, is left in {@code unrecorded} for the next sync to close.
     */
    void storageFailed(RuntimeException failure, Map<Long, Runnable> unrecorded) {
        SyncRuns.Failure storage = new SyncRuns.Failure("storage", "storing fetched spend failed: "
                + failure.getClass().getSimpleName(), null, null);
        runIds.forEach((link, run) -> {
            Runnable close = () -> ledger.fail(run, counts.getOrDefault(link, WriteCounts.NONE), storage);
            try {
                close.run();
            } catch (RuntimeException databaseGone) {
                unrecorded.put(run, close);
            }
        });
    }

    /** Whether a run was started for any link (a storage failure can come before the first). */
    boolean startedRuns() {
        return !runIds.isEmpty();
    }

    /** Closes each link's run with the account's result, marks a completed backfill; one outcome per link. */
    List<SyncOutcome> finish() {
        List<SyncOutcome> outcomes = new ArrayList<>();
        for (AdAccount link : links) {
            outcomes.add(finish(link));
            if (result.status() == FetchStatus.OK && backfill) {
                ledger.markBackfilled(link.id());
            }
        }
        return outcomes;
    }

    private SyncOutcome finish(AdAccount link) {
        // An account whose info could not be read never resolved its range: record the run all the same.
        long runId = runIds.computeIfAbsent(link.id(), id -> ledger.startRun(id, result.range() != null
                ? result.range() : fallbackRange(link), runner));
        WriteCounts written = counts.getOrDefault(link.id(), WriteCounts.NONE);
        if (result.status() == FetchStatus.OK) {
            ledger.succeed(runId, written);
            return new SyncOutcome(link, runId, result.range(), written, "succeeded", null);
        }
        FetchError error = result.error();
        String kind = result.status() == FetchStatus.NOT_CONFIGURED ? "not_configured" : error.kind().slug();
        String message = error == null ? "platform not configured" : error.message();
        ledger.fail(runId, written, new SyncRuns.Failure(kind, message, error == null ? null : error.platformCode(),
                error == null ? null : error.requestId()));
        log.warn("sync of {} account {} failed: {}: {}", link.platform().slug(), link.externalId(), kind, message);
        return new SyncOutcome(link, runId, result.range(), written, "failed", kind + ": " + message);
    }

    /** The range recorded for a run whose account info could not be read: the explicit one, or yesterday. */
    private DateRange fallbackRange(AdAccount link) {
        ZoneId zone = link.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(link.timeZone());
        return explicit != null ? explicit : DateRange.single(LocalDate.now(clock.withZone(zone)).minusDays(1));
    }
}
