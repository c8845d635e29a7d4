package com.syncledger.app.fetch;

import com.syncledger.app.config.InvalidSettingException;
import com.syncledger.app.config.SettingChecks;
import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.config.SettingsBinder;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knobs of the retry layer and the rate budgets, bound from {@code SYNCLEDGER_FETCH_*} (see
 * {@link #VARIABLES}); the defaults are the ones given here.
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
@ConfigurationProperties(FetchSettings.PROPERTIES)
public record FetchSettings(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("2m") Duration maxRetryAfter,
        @DefaultValue("10m") Duration accountDeadline,
        @DefaultValue Map<Platform, RateLimit> rateLimits) {

    public static final String PREFIX = "SYNCLEDGER_FETCH_";
    public static final String PROPERTIES = "syncledger.fetch";

    /**
     * {@code SYNCLEDGER_FETCH_MAX_ATTEMPTS}, {@code _INITIAL_BACKOFF}, {@code _MAX_BACKOFF},
     * {@code _MAX_RETRY_AFTER}, {@code _ACCOUNT_DEADLINE} (durations such as {@code 500ms}, {@code 30s},
     * {@code 10m} or ISO-8601) and {@code SYNCLEDGER_FETCH_RATE_LIMIT_<PLATFORM>} ({@code requests/period},
     * e.g. {@code 15000/1d}). The backoff multiplier and the jitter have no variable.
     */
    public static final SettingVariables VARIABLES = variables();

    public FetchSettings {
        if (maxAttempts < 1) {
            throw new InvalidSettingException("maxAttempts", "maxAttempts must be at least 1, got " + maxAttempts);
        }
        SettingChecks.requirePositive("initialBackoff", initialBackoff);
        SettingChecks.requirePositive("maxBackoff", maxBackoff);
        SettingChecks.requirePositive("maxRetryAfter", maxRetryAfter);
        SettingChecks.requirePositive("accountDeadline", accountDeadline);
        if (backoffMultiplier < 1) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, got " + backoffMultiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    public static FetchSettings defaults() {
        return fromEnv(name -> null);
    }

    /**
     * The defaults, changed by the variables {@code env} sets (see {@link #VARIABLES}).
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static FetchSettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, FetchSettings.class, VARIABLES);
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

    private static SettingVariables variables() {
        SettingVariables variables = SettingVariables.of(PROPERTIES, PREFIX,
                List.of("MAX_ATTEMPTS", "INITIAL_BACKOFF", "MAX_BACKOFF", "MAX_RETRY_AFTER", "ACCOUNT_DEADLINE"));
        for (Platform platform : Platform.values()) {
            variables = variables.with(PROPERTIES + ".rate-limits." + platform.name().toLowerCase(Locale.ROOT),
                    PREFIX + "RATE_LIMIT_" + platform.name());
        }
        return variables;
    }
}
