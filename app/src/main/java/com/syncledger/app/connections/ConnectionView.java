package com.syncledger.app.connections;

import java.time.Instant;
import java.util.List;

/**
 * A connection as the API and {@code --json} show it: never a token. {@code status} has the calendar applied;
 * {@code expiresAt} is when it stops working unless renewed and {@code expires} which token ends then
 * ({@code access} or {@code refresh}; null when no end is known).
 */
public record ConnectionView(long id, String platform, String label, List<String> accountIds, List<String> scopes,
        String status, Instant issuedAt, Instant expiresAt, Long secondsLeft, String expires, Instant accessExpiresAt,
        Instant refreshExpiresAt, Instant refreshedAt, Instant lastUsedAt) {

    public static ConnectionView of(ConnectionExpiry expiry, Instant now) {
        Connection c = expiry.connection();
        return new ConnectionView(c.id(), c.platform().slug(), c.label(), c.accountIds(), c.scopes(),
                expiry.status().wire(), c.issuedAt(), expiry.expiresAt().orElse(null),
                expiry.secondsLeft(now).orElse(null), expires(expiry), c.accessExpiresAt().orElse(null),
                c.refreshExpiresAt().orElse(null), c.refreshedAt().orElse(null), c.lastUsedAt().orElse(null));
    }

    /** One line of the expiry listing, soonest first. */
    public record Expiry(long id, String platform, String label, String status, Instant expiresAt, Long secondsLeft,
            String expires) {

        public static Expiry of(ConnectionExpiry expiry, Instant now) {
            Connection c = expiry.connection();
            return new Expiry(c.id(), c.platform().slug(), c.label(), expiry.status().wire(),
                    expiry.expiresAt().orElse(null), expiry.secondsLeft(now).orElse(null), ConnectionView.expires(expiry));
        }
    }

    private static String expires(ConnectionExpiry expiry) {
        return expiry.token() == ConnectionExpiry.Token.NONE ? null : expiry.token().wire();
    }
}
