package com.syncledger.app.fetch;

import com.syncledger.app.connections.ConnectionEnv;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionTokens;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.wire.WireListener;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connector per credential, built on first use and reused, so its cached access token and its rate budget
 * are shared by every account of that credential. A credential is a platform's from the environment, or a
 * connection's (one client's own authorization): its connector is built by the platform's factory from the
 * environment with the platform's access and refresh token variables replaced by the connection's tokens, so
 * client id and secret, URLs and API version still come from the environment.
 */
final class ConnectorPool {

    /** Builds a platform's connector; empty when the platform has none. */
    @FunctionalInterface
    interface Factory {
        Optional<SpendConnector> create(Platform platform, Env env, WireClient wire);

        /** As {@link #create(Platform, Env, WireClient)}, keeping rotated refresh tokens through {@code rotations}. */
        default Optional<SpendConnector> create(Platform platform, Env env, WireClient wire,
                Connectors.RotationSink rotations) {
            return create(platform, env, wire);
        }

        /** The real connectors, handing rotated refresh tokens to {@code rotations} unless told another sink. */
        static Factory connectors(Connectors.RotationSink rotations) {
            return new Factory() {
                @Override
                public Optional<SpendConnector> create(Platform platform, Env env, WireClient wire) {
                    return create(platform, env, wire, rotations);
                }

                @Override
                public Optional<SpendConnector> create(Platform platform, Env env, WireClient wire,
                        Connectors.RotationSink sink) {
                    return Connectors.implemented().contains(platform)
                            ? Optional.of(Connectors.create(platform, env, wire, sink))
                            : Optional.empty();
                }
            };
        }
    }

    /** Whose credential: the platform's from the environment ({@code connection} empty) or a connection's. */
    record Credential(Platform platform, OptionalLong connection) {

        static Credential of(Platform platform) {
            return new Credential(platform, OptionalLong.empty());
        }

        /** The key of the credential's rate budget. */
        String budgetKey() {
            return connection.isPresent() ? CredentialKey.ofConnection(platform, connection.getAsLong())
                    : platform.slug();
        }
    }

    private final Env env;
    private final WireClient wire;
    private final WireListener metrics;
    private final Factory factory;
    private final RateBudgets budgets;
    private final Map<Platform, RateLimit> rateLimits;
    private final ConnectionStore connections;
    private final Map<Credential, SpendConnector> connectors = new ConcurrentHashMap<>();
    /**
     * What each connector was built with, to tell when a newer token is known: the environment's (stored rotated
     * over configured) refresh token, or the connection's stored access token (the keeper stores a refreshed one).
     */
    private final Map<Credential, String> builtWith = new ConcurrentHashMap<>();

    /**
     * @param wire        the client without budgets: each connector's requests pass its own credential's budget
     *                    and then {@code metrics}
     * @param connections the stored connections; null where there is no database (an account with a connection is
     *                    then not configured)
     */
    ConnectorPool(Env env, WireClient wire, WireListener metrics, Factory factory, RateBudgets budgets,
            Map<Platform, RateLimit> rateLimits, ConnectionStore connections) {
        this.env = env;
        this.wire = wire;
        this.metrics = metrics;
        this.factory = factory;
        this.budgets = budgets;
        this.rateLimits = rateLimits;
        this.connections = connections;
    }

    /**
     * The platform's connector with the environment's credentials, or empty when the platform has no credentials
     * or no connector; then no request is sent.
     *
     * @throws IllegalArgumentException when the platform's settings are unusable (e.g. a malformed API version)
     */
    Optional<SpendConnector> connector(Platform platform) {
        return connector(Credential.of(platform));
    }

    /**
     * The credential's connector, or empty when it has no tokens (a revoked connection), the platform no
     * credentials or no connector; then no request is sent.
     *
     * @throws IllegalArgumentException when the platform's settings are unusable (e.g. a malformed API version)
     */
    Optional<SpendConnector> connector(Credential credential) {
        Optional<Env> settings = settings(credential);
        if (settings.isEmpty() || !PlatformCredentials.configured(credential.platform(), settings.get())) {
            forget(credential);
            return Optional.empty();
        }
        SpendConnector existing = connectors.get(credential);
        // The environment's connector is renewed only when refused (see renewed); a connection's as soon as its
        // stored access token changed (the keeper refreshed it).
        boolean current = credential.connection().isEmpty()
                || builtOn(credential, settings.get()).equals(builtWith.get(credential));
        if (existing != null && current) {
            return Optional.of(existing);
        }
        synchronized (connectors) {
            SpendConnector again = connectors.get(credential);
            if (again != null && (credential.connection().isEmpty()
                    || builtOn(credential, settings.get()).equals(builtWith.get(credential)))) {
                return Optional.of(again);
            }
            return build(credential, settings.get());
        }
    }

    /**
     * A connector to use instead of {@code stale}, which the platform refused: the one another account already
     * renewed, or a new one when the credential now holds a different token than {@code stale} was built with —
     * another instance rotated the environment's refresh token, or the connection's access token was refreshed and
     * stored. Empty when nothing newer is known: the refusal stands.
     */
    Optional<SpendConnector> renewed(Credential credential, SpendConnector stale) {
        synchronized (connectors) {
            SpendConnector current = connectors.get(credential);
            if (current != null && current != stale) {
                return Optional.of(current);
            }
            Optional<Env> settings = settings(credential);
            if (settings.isEmpty() || builtOn(credential, settings.get()).equals(builtWith.getOrDefault(credential, ""))) {
                return Optional.empty();
            }
            return build(credential, settings.get());
        }
    }

    private Optional<SpendConnector> build(Credential credential, Env settings) {
        Platform platform = credential.platform();
        Optional<SpendConnector> created;
        if (credential.connection().isEmpty()) {
            created = factory.create(platform, settings, wire.withListener(budgets.andThen(metrics)));
            created.ifPresent(c -> budgets.register(platform, rateLimit(platform, c), CredentialKey.of(platform, env)));
        } else {
            long id = credential.connection().getAsLong();
            // The connection's budget needs the connector's limit, known once it is built: build on a client whose
            // listener is filled in right after, before the connector sends anything.
            DeferredListener budget = new DeferredListener();
            created = factory.create(platform, settings, wire.withListener(budget.andThen(metrics)),
                    new ConnectionRotations(connections, id));
            created.ifPresent(c -> budget.set(budgets.forConnection(platform, rateLimit(platform, c),
                    credential.budgetKey())));
        }
        created.ifPresent(c -> {
            connectors.put(credential, c);
            builtWith.put(credential, builtOn(credential, settings));
        });
        return created;
    }

    private RateLimit rateLimit(Platform platform, SpendConnector connector) {
        return rateLimits.getOrDefault(platform, connector.descriptor().rateLimit());
    }

    private void forget(Credential credential) {
        if (credential.connection().isPresent()) {
            connectors.remove(credential);
            builtWith.remove(credential);
        }
    }

    /**
     * The settings a credential's connector is built from: the environment, or for a connection the environment
     * with its token variables replaced by the connection's tokens (an absent refresh token is unset, never the
     * environment's). Empty for a connection without tokens: revoked, unknown, or no database.
     */
    private Optional<Env> settings(Credential credential) {
        if (credential.connection().isEmpty()) {
            return Optional.of(env);
        }
        if (connections == null) {
            return Optional.empty();
        }
        Optional<ConnectionTokens> tokens = connections.tokens(credential.connection().getAsLong());
        return tokens.map(t -> ConnectionEnv.overlay(env, credential.platform(), t));
    }

    private String builtOn(Credential credential, Env settings) {
        String variable = credential.connection().isEmpty() ? PlatformCredentials.refreshTokenVar(credential.platform())
                : ConnectionEnv.accessTokenVariable(credential.platform());
        return settings.get(variable).orElse("");
    }

    /**
     * Where a connection's rotated refresh token goes: its own row, sealed, never {@code stored_refresh_token}.
     * {@link #rotated} returns only once the single UPDATE has committed, and the refresher adopts the new access
     * token only after that (see {@code OAuthRefresher}): no request uses the new grant before its refresh token is
     * stored, so a crash can only lose a token still in the platform's answer, never one already in use. The token
     * is read back before every refresh, so a rotation by another instance (or the keeper) is the one sent.
     */
    private record ConnectionRotations(ConnectionStore store, long connectionId) implements Connectors.RotationSink {

        @Override
        public void rotated(Platform platform, Secret refreshToken) {
            store.storeRotatedRefreshToken(connectionId, refreshToken);
        }

        @Override
        public Optional<Secret> latest(Platform platform) {
            return store.refreshToken(connectionId);
        }
    }

    /** A listener set once, right after the connector it listens for is built and before it sends a request. */
    private static final class DeferredListener implements WireListener {
        private volatile WireListener delegate = WireListener.NONE;

        void set(WireListener listener) {
            delegate = listener;
        }

        @Override
        public void sending(Platform platform) {
            delegate.sending(platform);
        }

        @Override
        public void exchanged(Platform platform, int status, Duration elapsed) {
            delegate.exchanged(platform, status, elapsed);
        }
    }
}
