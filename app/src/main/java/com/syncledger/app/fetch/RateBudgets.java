package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.WireListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CredentialBudget} per platform credential, applied to every HTTP request the connectors send
 * (token refreshes, pages and report polls included), so many accounts fetched together stay within the
 * platform's limit. A request waits for the budget at most until its account's deadline. How long each request
 * waited (refused ones included) is the timer {@value #WAIT}, tagged by platform only.
 */
final class RateBudgets implements WireListener {

    static final String WAIT = "kiki.ad.spend.rate.budget.wait";

    private final Map<Platform, CredentialBudget> budgets = new ConcurrentHashMap<>();
    /** The budgets of connections (each client's own authorization), by {@link CredentialKey#ofConnection}. */
    private final Map<String, CredentialBudget> connectionBudgets = new ConcurrentHashMap<>();
    private final Map<Platform, Timer> waits = new ConcurrentHashMap<>();
    private final Duration maxWaitOutsideFetch;
    private final MeterRegistry meters;
    private final BudgetStore store;

    /** @param maxWaitOutsideFetch the longest wait for a request sent without an account deadline */
    RateBudgets(Duration maxWaitOutsideFetch) {
        this(maxWaitOutsideFetch, new SimpleMeterRegistry(), BudgetStore.IN_MEMORY);
    }

    /** @param meters where the wait timer {@value #WAIT} is registered */
    RateBudgets(Duration maxWaitOutsideFetch, MeterRegistry meters) {
        this(maxWaitOutsideFetch, meters, BudgetStore.IN_MEMORY);
    }

    /** @param store where the budgets keep their state: this process, or the database shared by all */
    RateBudgets(Duration maxWaitOutsideFetch, MeterRegistry meters, BudgetStore store) {
        this.maxWaitOutsideFetch = maxWaitOutsideFetch;
        this.meters = meters;
        this.store = store;
    }

    /** Sets up the budget of a platform's credential once; later calls keep the first. */
    void register(Platform platform, RateLimit limit) {
        register(platform, limit, platform.slug());
    }

    /**
     * Sets up the budget of a platform's credential once; later calls keep the first.
     *
     * @param credential the platform and a digest of its credentials (see {@link CredentialKey})
     */
    void register(Platform platform, RateLimit limit, String credential) {
        budgets.computeIfAbsent(platform, p -> new CredentialBudget(p, limit, store, credential));
    }

    Optional<BudgetUse> use(Platform platform) {
        return budget(platform).map(CredentialBudget::use);
    }

    Optional<CredentialBudget> budget(Platform platform) {
        return Optional.ofNullable(budgets.get(platform));
    }

    /**
     * Sets up a connection's budget once (later calls keep the first) and answers the listener that holds the
     * connection's requests to it; the environment credential's budget is not touched by them.
     *
     * @param credential the connection's key (see {@link CredentialKey#ofConnection})
     */
    WireListener forConnection(Platform platform, RateLimit limit, String credential) {
        CredentialBudget budget = connectionBudgets.computeIfAbsent(credential,
                key -> new CredentialBudget(platform, limit, store, key));
        return new WireListener() {
            @Override
            public void sending(Platform sent) {
                acquire(budget, sent);
            }

            @Override
            public void exchanged(Platform sent, int status, Duration elapsed) {
            }
        };
    }

    /** The request budget of a connection; empty until its connector has been built. */
    Optional<BudgetUse> connectionUse(String credential) {
        return Optional.ofNullable(connectionBudgets.get(credential)).map(CredentialBudget::use);
    }

    /** See {@link CredentialBudget#nextTurn}; empty for a credential whose budget is not set up yet. */
    Optional<Instant> nextTurn(Platform platform, OptionalLong connection, Instant now) {
        Optional<CredentialBudget> budget = connection.isPresent()
                ? Optional.ofNullable(connectionBudgets.get(CredentialKey.ofConnection(platform, connection.getAsLong())))
                : budget(platform);
        return budget.flatMap(b -> b.nextTurn(now));
    }

    @Override
    public void sending(Platform platform) {
        CredentialBudget budget = budgets.get(platform);
        if (budget != null) {
            acquire(budget, platform);
        }
    }

    private void acquire(CredentialBudget budget, Platform platform) {
        long start = System.nanoTime();
        try {
            budget.acquire(Deadline.current().map(Deadline::remaining).orElse(maxWaitOutsideFetch));
        } finally {
            wait(platform).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public void exchanged(Platform platform, int status, Duration elapsed) {
    }

    /** The time requests to {@code platform} spent waiting for the credential's budget, granted or refused. */
    Timer wait(Platform platform) {
        return waits.computeIfAbsent(platform, p -> Timer.builder(WAIT)
                .description("Time requests waited for their platform credential's rate budget, refused ones included")
                .tag("platform", p.slug())
                .publishPercentileHistogram()
                .register(meters));
    }

    /** A platform answer says we are too fast: hold the whole credential back for its hint. */
    void throttled(ConnectorException error, Duration pause) {
        if (error instanceof ConnectorException.RateLimited && !CredentialBudget.isOwnRefusal(error)) {
            budget(error.platform()).ifPresent(b -> b.pause(pause));
        }
    }

    /** As {@link #throttled(ConnectorException, Duration)}, for a request sent with a connection's credential. */
    void throttled(String connectionCredential, ConnectorException error, Duration pause) {
        if (error instanceof ConnectorException.RateLimited && !CredentialBudget.isOwnRefusal(error)) {
            Optional.ofNullable(connectionBudgets.get(connectionCredential)).ifPresent(b -> b.pause(pause));
        }
    }
}
