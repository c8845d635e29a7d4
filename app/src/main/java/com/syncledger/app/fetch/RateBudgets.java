package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.WireListener;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CredentialBudget} per platform credential, applied to every HTTP request the connectors send
 * (token refreshes, pages and report polls included), so many accounts fetched together stay within the
 * platform's limit. A request waits for the budget at most until its account's deadline.
 */
final class RateBudgets implements WireListener {

    private final Map<Platform, CredentialBudget> budgets = new ConcurrentHashMap<>();
    private final Duration maxWaitOutsideFetch;

    /** @param maxWaitOutsideFetch the longest wait for a request sent without an account deadline */
    RateBudgets(Duration maxWaitOutsideFetch) {
        this.maxWaitOutsideFetch = maxWaitOutsideFetch;
    }

    /** Sets up the budget of a platform's credential once; later calls keep the first. */
    void register(Platform platform, RateLimit limit) {
        budgets.computeIfAbsent(platform, p -> new CredentialBudget(p, limit));
    }

    Optional<CredentialBudget> budget(Platform platform) {
        return Optional.ofNullable(budgets.get(platform));
    }

    @Override
    public void sending(Platform platform) {
        CredentialBudget budget = budgets.get(platform);
        if (budget != null) {
            budget.acquire(Deadline.current().map(Deadline::remaining).orElse(maxWaitOutsideFetch));
        }
    }

    @Override
    public void exchanged(Platform platform, int status, Duration elapsed) {
    }

    /** A platform answer says we are too fast: hold the whole credential back for its hint. */
    void throttled(ConnectorException error, Duration pause) {
        if (error instanceof ConnectorException.RateLimited && !CredentialBudget.isOwnRefusal(error)) {
            budget(error.platform()).ifPresent(b -> b.pause(pause));
        }
    }
}
