package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The request budget of one platform credential, shared by every account fetched with it: a token bucket
 * that never lets more than the documented {@code N} requests through in any window of the documented
 * period, and that stops altogether while the platform has asked us to back off. Its state lives in a
 * {@link BudgetStore}: this process's memory, or the database for every process using the credential.
 */
final class CredentialBudget {

    /**
     * The requests every account sync makes, its account and one report: a sync starting with room for fewer
     * would wait for its report's token holding a sync thread.
     */
    private static final long SYNC_REQUESTS = 2;
    /** How our own refusals begin, so they are told apart from the platform's throttling. */
    private static final String REFUSAL = "SyncLedger's request budget for ";

    private final Platform platform;
    private final RateLimit limit;
    private final Bucket bucket;
    /** Holds every request back while the platform has asked us to back off. */
    private final ThrottlePause pause;
    /** How far apart {@link #nextTurn} spaces the accounts waiting for room: one sustained refill. */
    private final Duration pace;
    /** The latest turn {@link #nextTurn} gave out. */
    private final AtomicReference<Instant> lastTurn = new AtomicReference<>(Instant.MIN);

    /** A budget of this process alone. */
    CredentialBudget(Platform platform, RateLimit limit) {
        this(platform, limit, BudgetStore.IN_MEMORY, platform.slug());
    }

    /** @param credential the platform and a digest of its credentials: the budget's key in {@code store} */
    CredentialBudget(Platform platform, RateLimit limit, BudgetStore store, String credential) {
        this.platform = platform;
        this.limit = limit;
        Duration refillPeriod = store.refillPeriod(limit.period());
        this.bucket = store.bucket(credential, configuration(limit, refillPeriod));
        this.pause = store.pause(credential);
        this.pace = pace(limit, refillPeriod);
    }

    /**
     * A bucket of capacity {@code C} refilled with {@code N - C} tokens per period lets at most
     * {@code C + (N - C) = N} requests through in any window of one period, whether the platform counts in
     * fixed or sliding windows. {@code C} is a tenth of {@code N} (90% of the limit sustained), or half of a
     * small {@code N} so that the few requests of one fetch need not queue.
     */
    static Bucket bucket(RateLimit limit) {
        return Bucket.builder().addLimit(bandwidth(limit, limit.period())).build();
    }

    /** @param refillPeriod the limit's period, or longer to leave room for requests arriving late */
    static BucketConfiguration configuration(RateLimit limit, Duration refillPeriod) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit, refillPeriod)).build();
    }

    /** The time the bucket takes to refill one request once its burst is spent. */
    private static Duration pace(RateLimit limit, Duration refillPeriod) {
        long refill = limit.requests() - burst(limit);
        return refill < 1 ? refillPeriod.multipliedBy(2) : refillPeriod.dividedBy(refill);
    }

    private static Bandwidth bandwidth(RateLimit limit, Duration refillPeriod) {
        long n = limit.requests();
        long capacity = burst(limit);
        long refill = n - capacity;
        Duration period = refillPeriod;
        if (refill < 1) {
            // One request per period: refill it over two periods so no window of one period sees two.
            refill = 1;
            period = period.multipliedBy(2);
        }
        long tokens = refill;
        Duration per = period;
        return Bandwidth.builder().capacity(capacity).refillGreedy(tokens, per).build();
    }

    /** The bucket's capacity: how many requests may go out at once. */
    static long burst(RateLimit limit) {
        long n = limit.requests();
        return n < 20 ? (n + 1) / 2 : n / 10;
    }

    RateLimit limit() {
        return limit;
    }

    /** How much of the burst is free right now, and whether the platform's throttling holds it back. */
    BudgetUse use() {
        return new BudgetUse(stored(bucket::getAvailableTokens), burst(limit), limit,
                stored(pause::remaining).isPositive());
    }

    /**
     * When an account sync that would start now had better start: empty when the budget has room now for the
     * requests every sync makes (see {@link #SYNC_REQUESTS}); otherwise once it has, and at least one refill
     * after the previous turn given out, so that the accounts waiting for one busy credential come back one at a
     * time at the pace the budget can serve them instead of each holding a sync thread while it waits.
     */
    Optional<Instant> nextTurn(Instant now) {
        long requests = Math.min(SYNC_REQUESTS, burst(limit));
        long wait = Math.max(stored(pause::remaining).toNanos(),
                stored(() -> bucket.estimateAbilityToConsume(requests).getNanosToWaitForRefill()));
        if (wait <= 0) {
            return Optional.empty();
        }
        Instant room = now.plusNanos(wait);
        return Optional.of(lastTurn.accumulateAndGet(room, (last, earliest) ->
                last.plus(pace).isAfter(earliest) ? last.plus(pace) : earliest));
    }

    /**
     * Takes one request from the budget, waiting at most {@code maxWait} for it.
     *
     * @throws ConnectorException.RateLimited without an HTTP status when the budget has no room in time
     */
    void acquire(Duration maxWait) {
        long waitUntil = System.nanoTime() + maxWait.toNanos();
        long pause = stored(this.pause::remaining).toNanos();
        if (pause > 0) {
            if (pause > maxWait.toNanos()) {
                throw refused(Duration.ofNanos(pause));
            }
            sleep(pause);
        }
        long left = Math.max(0, waitUntil - System.nanoTime());
        try {
            // Bucket4j refuses a zero wait: then only a token already there will do.
            boolean granted = left > 0 ? bucket.asBlocking().tryConsume(1, left) : stored(() -> bucket.tryConsume(1));
            if (!granted) {
                throw refused(Duration.ofNanos(stored(() -> bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())));
            }
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException storeFailed) {
            throw storeFailure(storeFailed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Timeout(Details.of(platform,
                    "interrupted while waiting for the " + platform.displayName() + " request budget"), e);
        }
    }

    /** The platform throttled us: send nothing more with this credential for {@code pause}. */
    void pause(Duration pause) {
        stored(() -> {
            this.pause.extend(pause);
            return null;
        });
    }

    /**
     * Reads or changes the stored budget. A budget the database cannot answer for fails like any other write of
     * the sync (storage), never as the platform's error.
     */
    private static <T> T stored(Supplier<T> access) {
        try {
            return access.get();
        } catch (DataAccessResourceFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
    }

    private static DataAccessResourceFailureException storeFailure(RuntimeException e) {
        return e instanceof DataAccessResourceFailureException d ? d
                : new DataAccessResourceFailureException("the shared request budget cannot be read", e);
    }

    /** Whether a rate-limited error is our own refusal rather than the platform's answer. */
    static boolean isOwnRefusal(ConnectorException e) {
        return e instanceof ConnectorException.RateLimited && e.httpStatus() == 0 && e.platformCode() == null
                && e.getMessage().startsWith(REFUSAL);
    }

    private ConnectorException refused(Duration wait) {
        return new ConnectorException.RateLimited(Details.of(platform, REFUSAL + platform.displayName() + " ("
                + limit.requests() + " per " + limit.period() + ") has no room before this account's deadline; "
                + "the next request could go in " + wait.toSeconds() + "s"), wait);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
