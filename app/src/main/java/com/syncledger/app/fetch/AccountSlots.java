package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.Platform;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many accounts of one platform are fetched at the same time. Every account still has its own virtual
 * thread, but only this many per platform hold a response, its parsed answer and the days read so far; the
 * others wait their turn before their first request. A backfill of thousands of accounts then needs memory for
 * the accounts in flight, not for all of them, and one platform's slow accounts never hold back another's.
 * The rate budgets, not this, decide how fast requests go out.
 */
final class AccountSlots {

    static final String VARIABLE = FetchSettings.PREFIX + "ACCOUNTS_IN_FLIGHT";
    static final int DEFAULT_PER_PLATFORM = 16;

    private final int perPlatform;
    private final Map<Platform, Semaphore> slots = new ConcurrentHashMap<>();

    AccountSlots(int perPlatform) {
        if (perPlatform < 1) {
            throw new IllegalArgumentException(VARIABLE + " must be at least 1, got " + perPlatform);
        }
        this.perPlatform = perPlatform;
    }

    /** Runs {@code work} once one of the platform's slots is free. */
    <T> T inSlot(Platform platform, Supplier<T> work) {
        Semaphore slot = slots.computeIfAbsent(platform, p -> new Semaphore(perPlatform, true));
        slot.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slot.release();
        }
    }
}
