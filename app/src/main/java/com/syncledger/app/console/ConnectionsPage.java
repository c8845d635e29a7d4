package com.syncledger.app.console;

import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionExpiry;
import com.syncledger.app.connections.ConnectionStatuses;
import com.syncledger.connectors.spi.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The connections as the console shows them, from the same soonest-first listing as {@code GET /connections/expiry}:
 * never a token, only what ends, when, and the status the calendar gives it.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class ConnectionsPage {

    /**
     * One connection's row.
     *
     * @param ends    "access token" or "refresh token"; empty when no end is known
     * @param endsAt  when that token ends, or empty
     */
    record ConnectionLine(long id, Platform platform, String label, List<String> accountIds, String status,
            String ends, String endsAt, String lastUsed) {

        public boolean revoked() {
            return status.equals(Connection.Status.REVOKED.wire());
        }
    }

    private final ConnectionStatuses statuses;

    ConnectionsPage(ConnectionStatuses statuses) {
        this.statuses = statuses;
    }

    /** Every connection, soonest end first (expired first, revoked last). */
    List<ConnectionLine> read() {
        return statuses.soonestFirst().stream().map(ConnectionsPage::line).toList();
    }

    /** How many connections are expiring or expired: what the navigation's badge counts. */
    long needingAttention() {
        return statuses.all().stream().filter(e -> e.status() == Connection.Status.EXPIRING
                || e.status() == Connection.Status.EXPIRED).count();
    }

    /** Each platform's soonest connection end, as a sentence; platforms without a connection with a known end are absent. */
    Map<Platform, String> soonestByPlatform() {
        Map<Platform, String> soonest = new EnumMap<>(Platform.class);
        for (ConnectionExpiry expiry : statuses.soonestFirst()) {
            Platform platform = expiry.connection().platform();
            if (!soonest.containsKey(platform) && expiry.status() != Connection.Status.REVOKED
                    && expiry.expiresAt().isPresent()) {
                soonest.put(platform, describe(expiry));
            }
        }
        return soonest;
    }

    private static String describe(ConnectionExpiry expiry) {
        return Times.text(expiry.expiresAt().orElseThrow()) + " (" + ends(expiry).orElse("token") + " of \""
                + expiry.connection().label() + "\", " + expiry.status().wire() + ")";
    }

    private static ConnectionLine line(ConnectionExpiry expiry) {
        Connection c = expiry.connection();
        return new ConnectionLine(c.id(), c.platform(), c.label(), c.accountIds(), expiry.status().wire(),
                ends(expiry).orElse(""), expiry.expiresAt().map(Times::text).orElse(""),
                c.lastUsedAt().map(Times::text).orElse("never"));
    }

    private static Optional<String> ends(ConnectionExpiry expiry) {
        return switch (expiry.token()) {
            case ACCESS -> Optional.of("access token");
            case REFRESH -> Optional.of("refresh token");
            case NONE -> Optional.empty();
        };
    }
}
