package com.syncledger.connectors.wire;

import java.time.Duration;
import java.util.function.Function;

/** A wait that ends early when the thread is interrupted: the interrupt is kept and the wait fails. */
public final class Pause {

    private Pause() {
    }

    /**
     * Sleeps for {@code pause}.
     *
     * @param interrupted the failure to throw when the thread is interrupted, given the interruption
     */
    public static void sleep(Duration pause, Function<InterruptedException, RuntimeException> interrupted) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.apply(e);
        }
    }
}
