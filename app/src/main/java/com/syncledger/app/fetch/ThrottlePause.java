package com.syncledger.app.fetch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a credential must still send nothing because the platform asked us to back off. Kept in this
 * process, or in the database for every process using the credential (see {@link SharedBudgetStore}).
 */
interface ThrottlePause {

    /** How long from now nothing may be sent; zero or negative when nothing holds the credential back. */
    Duration remaining();

    /** Holds the credential back for at least {@code pause} from now (a longer pause already set is kept). */
    void extend(Duration pause);

    /** A pause this process alone observes. */
    static ThrottlePause inMemory() {
        AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
        return new ThrottlePause() {
            @Override
            public Duration remaining() {
                return Duration.ofNanos(pausedUntil.get() - System.nanoTime());
            }

            @Override
            public void extend(Duration pause) {
                pausedUntil.accumulateAndGet(System.nanoTime() + pause.toNanos(), Math::max);
            }
        };
    }
}
