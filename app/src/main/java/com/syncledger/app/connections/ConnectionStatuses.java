package com.syncledger.app.connections;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The connections with their expected end and status, as {@link ConnectionCalendar} tells them. */
@Component
public class ConnectionStatuses {

    private final ConnectionStore store;
    private final ConnectionCalendar calendar;
    private final Clock clock;

    @Autowired
    public ConnectionStatuses(ConnectionStore store, ConnectionCalendar calendar) {
        this(store, calendar, Clock.systemUTC());
    }

    ConnectionStatuses(ConnectionStore store, ConnectionCalendar calendar, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every connection, in id order. */
    public List<ConnectionExpiry> all() {
        Instant now = now();
        return store.list().stream().map(c -> calendar.expiry(c, now)).toList();
    }

    public Optional<ConnectionExpiry> one(long id) {
        return store.find(id).map(c -> calendar.expiry(c, now()));
    }

    /**
     * Every connection, soonest end first: the expired (refused by the platform, or past their end) first, then by
     * end; those without a known end, then the revoked, last.
     */
    public List<ConnectionExpiry> soonestFirst() {
        return all().stream().sorted(Comparator
                .comparing((ConnectionExpiry e) -> rank(e.status()))
                .thenComparing(e -> e.expiresAt().orElse(Instant.MAX))
                .thenComparing(e -> e.connection().id())).toList();
    }

    private static int rank(Connection.Status status) {
        return switch (status) {
            case EXPIRED -> 0;
            case EXPIRING, ACTIVE -> 1;
            case REVOKED -> 2;
        };
    }
}
