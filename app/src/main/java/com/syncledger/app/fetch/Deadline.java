package com.syncledger.app.fetch;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The moment one account's fetch must be over. Waits (retry backoff, rate budgets) are measured against it,
 * so no wait starts that would end after it. Monotonic: immune to wall-clock changes.
 */
record Deadline(long nanoTime) {

    /** The deadline of the account the current thread works for, read by the rate budgets deep in a send. */
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    Duration remaining() {
        long left = nanoTime - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean allows(Duration wait) {
        return wait.compareTo(remaining()) <= 0;
    }

    /** Runs {@code work} with this as the current thread's deadline. */
    <T> T enclose(Supplier<T> work) {
        Deadline outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
