package com.syncledger.connectors.spi;

import java.time.Duration;

/** A documented request budget: at most {@code requests} per {@code period} for one credential. */
public record RateLimit(int requests, Duration period) {

    public RateLimit {
        if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive request count and period");
        }
    }

    public static RateLimit perSecond(int requests) {
        return new RateLimit(requests, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(int requests) {
        return new RateLimit(requests, Duration.ofHours(1));
    }
}
