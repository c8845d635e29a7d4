package com.syncledger.app.fetch;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connector per configured platform credential, built on first use and reused, so its cached access
 * token and its rate budget are shared by every account of that credential.
 */
final class ConnectorPool {

    /** Builds a platform's connector; empty when the platform has none. */
    @FunctionalInterface
    interface Factory {
        Optional<SpendConnector> create(Platform platform, Env env, WireClient wire);

        /** The real connectors, handing rotated refresh tokens to {@code rotations}. */
        static Factory connectors(Connectors.RotationSink rotations) {
            return (platform, env, wire) -> Connectors.implemented().contains(platform)
                    ? Optional.of(Connectors.create(platform, env, wire, rotations))
                    : Optional.empty();
        }
    }

    private final Env env;
    private final WireClient wire;
    private final Factory factory;
    private final RateBudgets budgets;
    private final Map<Platform, RateLimit> rateLimits;
    private final Map<Platform, SpendConnector> connectors = new ConcurrentHashMap<>();
    /** The refresh token each connector was built with, to tell when a newer one has been stored. */
    private final Map<Platform, String> builtWith = new ConcurrentHashMap<>();

    ConnectorPool(Env env, WireClient wire, Factory factory, RateBudgets budgets, Map<Platform, RateLimit> rateLimits) {
        this.env = env;
        this.wire = wire;
        this.factory = factory;
        this.budgets = budgets;
        this.rateLimits = rateLimits;
    }

    /**
     * The platform's connector, or empty when the platform has no credentials or no connector; then no
     * request is sent.
     *
     * @throws IllegalArgumentException when the platform's settings are unusable (e.g. a malformed API version)
     */
    Optional<SpendConnector> connector(Platform platform) {
        if (!PlatformCredentials.configured(platform, env)) {
            return Optional.empty();
        }
        SpendConnector existing = connectors.get(platform);
        if (existing != null) {
            return Optional.of(existing);
        }
        synchronized (connectors) {
            SpendConnector again = connectors.get(platform);
            if (again != null) {
                return Optional.of(again);
            }
            Optional<SpendConnector> created = factory.create(platform, env, wire);
            created.ifPresent(c -> {
                budgets.register(platform, rateLimits.getOrDefault(platform, c.descriptor().rateLimit()),
                        CredentialKey.of(platform, env));
                connectors.put(platform, c);
                builtWith.put(platform, refreshToken(platform));
            });
            return created;
        }
    }

    /**
     * A connector to use instead of {@code stale}, which the platform refused: the one another account already
     * renewed, or a new one when the environment (the stored rotated tokens over the configured ones) now
     * holds a different refresh token than {@code stale} was built with — another instance rotated it. Empty
     * when nothing newer is known: the refusal stands.
     */
    Optional<SpendConnector> renewed(Platform platform, SpendConnector stale) {
        synchronized (connectors) {
            SpendConnector current = connectors.get(platform);
            if (current != null && current != stale) {
                return Optional.of(current);
            }
            if (refreshToken(platform).equals(builtWith.getOrDefault(platform, ""))) {
                return Optional.empty();
            }
            Optional<SpendConnector> created = factory.create(platform, env, wire);
            created.ifPresent(c -> {
                connectors.put(platform, c);
                builtWith.put(platform, refreshToken(platform));
            });
            return created;
        }
    }

    private String refreshToken(Platform platform) {
        return env.get(PlatformCredentials.refreshTokenVar(platform)).orElse("");
    }
}
