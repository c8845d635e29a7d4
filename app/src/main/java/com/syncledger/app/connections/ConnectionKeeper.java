package com.syncledger.app.connections;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SharedRefreshToken;
import com.syncledger.connectors.wire.WireClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps connections alive ahead of their end: refreshes each one whose long-lived access token ends within the
 * warning window, or whose refresh token would lapse unused within it (Microsoft, Pinterest, Google), and stores
 * what the platform answered — a rotated refresh token first, in the connection's row, before the new access token
 * is stored (see {@code OAuthRefresher}). A token the platform refuses marks the connection {@code expired}. Run
 * by one instance at a time as a recurring task of the cluster scheduler. Its token requests are one per
 * connection per turn at most, so they do not take from the fetch engine's rate budgets.
 */
@Component
public class ConnectionKeeper {

    private static final Logger log = LoggerFactory.getLogger(ConnectionKeeper.class);

    /** What one turn did. */
    public record Turn(int refreshed, int refused, int failed) {
    }

    private final ConnectionStore store;
    private final ConnectionCalendar calendar;
    private final Env env;
    private final WireClient wire = WireClient.withDefaults();
    private final Clock clock = Clock.systemUTC();

    public ConnectionKeeper(ConnectionStore store, ConnectionCalendar calendar, Env env) {
        this.store = store;
        this.calendar = calendar;
        this.env = env;
    }

    /** Refreshes every connection that needs it now. */
    public Turn keep() {
        int refreshed = 0;
        int refused = 0;
        int failed = 0;
        Instant now = clock.instant();
        for (Connection connection : store.list()) {
            if (!calendar.needsRefresh(connection, now)) {
                continue;
            }
            switch (refresh(connection)) {
                case REFRESHED -> refreshed++;
                case REFUSED -> refused++;
                case FAILED -> failed++;
                case SKIPPED -> { }
            }
        }
        if (refreshed + refused + failed > 0) {
            log.info("connection keeper: refreshed={} refused={} failed={}", refreshed, refused, failed);
        }
        return new Turn(refreshed, refused, failed);
    }

    private enum Result { REFRESHED, REFUSED, FAILED, SKIPPED }

    private Result refresh(Connection connection) {
        long id = connection.id();
        Optional<ConnectionTokens> tokens = store.tokens(id);
        if (tokens.isEmpty() || !Connectors.implemented().contains(connection.platform())) {
            return Result.SKIPPED;
        }
        Env settings = ConnectionEnv.overlay(env, connection.platform(), tokens.get());
        // Rotated tokens go to the connection's row before the refresh returns; the newest kept one is sent.
        SharedRefreshToken kept = SharedRefreshToken.of(rotated -> store.storeRotatedRefreshToken(id, rotated),
                () -> store.refreshToken(id));
        try {
            Optional<OAuthRefresher> refresher = Connectors.factory(connection.platform()).refresher(settings, wire, kept);
            if (refresher.isEmpty() || !refresher.get().canRefresh()) {
                return Result.SKIPPED;
            }
            refresher.get().refreshNow();
            Secret access = refresher.get().accessToken();
            Instant until = refresher.get().accessExpiresAt();
            store.storeRefreshed(id, access, Optional.of(until).filter(t -> !t.equals(Instant.MAX)), Optional.empty());
            return Result.REFRESHED;
        } catch (ConnectorException.Auth refusedByPlatform) {
            store.markExpired(id);
            log.warn("connection {} ({}) refused by the platform: marked expired", id, connection.platform().slug());
            return Result.REFUSED;
        } catch (ConnectorException | IllegalArgumentException e) {
            log.warn("connection {} ({}) not refreshed: {}", id, connection.platform().slug(),
                    e.getClass().getSimpleName());
            return Result.FAILED;
        }
    }

    @Override
    public String toString() {
        return "ConnectionKeeper[" + store + "]";
    }
}
