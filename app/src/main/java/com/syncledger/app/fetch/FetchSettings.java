package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knobs of the retry layer and the rate budgets.
 *
 * @param maxAttempts       tries of one call (account info or one chunk), the first included
 * @param initialBackoff    wait after the first failure without a platform hint; it doubles (times
 *                          {@code backoffMultiplier}) each time, randomised by +/- {@code jitter}
 * @param maxBackoff        the longest computed wait
 * @param maxRetryAfter     the longest platform hint (Retry-After, regain-access estimate) obeyed; a longer
 *                          one is cut to this
 * @param accountDeadline   how long one account may take in all, waits included; no retry starts that
 *                          could not finish before it
 * @param rateLimits        budgets that replace a connector's documented one, e.g. for a Google developer
 *                          token with Basic rather than Standard access
 */
public record FetchSettings(int maxAttempts, Duration initialBackoff, double backoffMultiplier, double jitter,
        Duration maxBackoff, Duration maxRetryAfter, Duration accountDeadline, Map<Platform, RateLimit> rateLimits) {

    public static final String PREFIX = "SYNCLEDGER_FETCH_";

    public FetchSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxRetryAfter", maxRetryAfter);
        requirePositive("accountDeadline", accountDeadline);
        if (backoffMultiplier < 1) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, got " + backoffMultiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        rateLimits = Map.copyOf(rateLimits);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(5, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Map.of());
    }

    /**
     * The defaults, changed by {@code SYNCLEDGER_FETCH_MAX_ATTEMPTS}, {@code _INITIAL_BACKOFF},
     * {@code _MAX_BACKOFF}, {@code _MAX_RETRY_AFTER}, {@code _ACCOUNT_DEADLINE} (durations such as
     * {@code 500ms}, {@code 30s}, {@code 10m} or ISO-8601) and {@code SYNCLEDGER_FETCH_RATE_LIMIT_<PLATFORM>}
     * ({@code requests/period}, e.g. {@code 15000/1d}).
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static FetchSettings fromEnv(Env env) {
        FetchSettings d = defaults();
        Map<Platform, RateLimit> limits = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            String name = PREFIX + "RATE_LIMIT_" + platform.name();
            env.get(name).ifPresent(value -> limits.put(platform, parseRateLimit(name, value)));
        }
        return new FetchSettings(
                env.get(PREFIX + "MAX_ATTEMPTS").map(v -> parseInt(PREFIX + "MAX_ATTEMPTS", v)).orElse(d.maxAttempts),
                duration(env, "INITIAL_BACKOFF", d.initialBackoff),
                d.backoffMultiplier, d.jitter,
                duration(env, "MAX_BACKOFF", d.maxBackoff),
                duration(env, "MAX_RETRY_AFTER", d.maxRetryAfter),
                duration(env, "ACCOUNT_DEADLINE", d.accountDeadline),
                limits);
    }

    public FetchSettings withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new FetchSettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter,
                accountDeadline, rateLimits);
    }

    public FetchSettings withMaxRetryAfter(Duration maxRetryAfter) {
        return new FetchSettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter,
                accountDeadline, rateLimits);
    }

    public FetchSettings withAccountDeadline(Duration accountDeadline) {
        return new FetchSettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter,
                accountDeadline, rateLimits);
    }

    public FetchSettings withRateLimit(Platform platform, RateLimit limit) {
        Map<Platform, RateLimit> limits = new EnumMap<>(Platform.class);
        limits.putAll(rateLimits);
        limits.put(platform, limit);
        return new FetchSettings(maxAttempts, initialBackoff, backoffMultiplier, jitter, maxBackoff, maxRetryAfter,
                accountDeadline, limits);
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(.+)");

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, or ISO-8601 such as {@code PT0.25S}. */
    public static Duration parseDuration(String name, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(text);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value.trim());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 500ms, 30s, 10m or PT1M, not '"
                    + value + "'");
        }
    }

    static RateLimit parseRateLimit(String name, String value) {
        Matcher m = RATE.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be requests/period such as 600/1m, not '" + value + "'");
        }
        try {
            return new RateLimit(parseInt(name, m.group(1)), parseDuration(name, m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Duration duration(Env env, String suffix, Duration fallback) {
        return env.get(PREFIX + suffix).map(v -> parseDuration(PREFIX + suffix, v)).orElse(fallback);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
