package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.ConnectorException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place connector calls are retried: only retryable kinds (rate limited, transient, timeout), with
 * bounded exponential backoff and jitter, or the platform's own hint when it sent one (cut to
 * {@link FetchSettings#maxRetryAfter()}), and never past the account's deadline. Auth, permission,
 * invalid-request, not-found and bad-response errors fail at once.
 */
final class RetryLayer {

    /** An interval below zero makes Resilience4j give up at once and rethrow the last error. */
    private static final long GIVE_UP = -1;

    private final FetchSettings settings;
    private final IntervalFunction backoff;
    /** One configuration and one Retry per call name (platform and call), built once, not for every call. */
    private final RetryConfig config;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    RetryLayer(FetchSettings settings) {
        this.settings = settings;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                settings.backoffMultiplier(), settings.jitter(), settings.maxBackoff());
        // The wait is decided on the calling thread, inside the call's deadline (see call).
        this.config = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof ConnectorException ce && ce.retryable())
                .intervalBiFunction((attempt, outcome) -> waitMillis(attempt, outcome.getLeft(),
                        Deadline.current().orElseThrow()))
                .build();
    }

    /** What a call ended with, and how many tries it took. */
    record Outcome<T>(T value, int attempts) {
    }

    /**
     * Runs {@code call} until it succeeds, fails with a final error, runs out of attempts, or the next wait
     * would pass {@code deadline}. Every failure is shown to {@code onFailure} first (the rate budgets slow
     * down on throttling).
     *
     * @throws Failure with the last error and the number of tries
     */
    <T> Outcome<T> call(String name, Deadline deadline, Consumer<ConnectorException> onFailure, Supplier<T> call) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<T> attempt = () -> {
            attempts.incrementAndGet();
            try {
                return call.get();
            } catch (ConnectorException e) {
                onFailure.accept(e);
                throw e;
            }
        };
        Retry retry = retries.computeIfAbsent(name, n -> Retry.of(n, config));
        try {
            // The attempts, and the choice of each wait, run with this as the thread's deadline.
            return new Outcome<>(deadline.enclose(() -> retry.executeSupplier(attempt)), attempts.get());
        } catch (ConnectorException e) {
            throw new Failure(e, attempts.get());
        }
    }

    /** How long to wait before the next try, or {@link #GIVE_UP} when that wait would pass the deadline. */
    long waitMillis(int failedAttempts, Throwable error, Deadline deadline) {
        Duration wait = hint(error);
        if (wait == null) {
            wait = Duration.ofMillis(backoff.apply(failedAttempts));
        }
        return deadline.allows(wait) ? wait.toMillis() : GIVE_UP;
    }

    /** The platform's own hint, cut to the longest wait we obey; null when it sent none. */
    Duration hint(Throwable error) {
        if (error instanceof ConnectorException ce && ce.retryAfter().isPresent()) {
            Duration hint = ce.retryAfter().get();
            return hint.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : hint;
        }
        return null;
    }

    /** A call that ended in an error after {@code attempts} tries. */
    static final class Failure extends RuntimeException {
        private final ConnectorException error;
        private final int attempts;

        Failure(ConnectorException error, int attempts) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.attempts = attempts;
        }

        ConnectorException error() {
            return error;
        }

        int attempts() {
            return attempts;
        }
    }
}
