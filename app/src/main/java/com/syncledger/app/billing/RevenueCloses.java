package com.syncledger.app.billing;

import com.syncledger.app.ledger.ClosedPeriods;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed revenue periods. Once a store's revenue is closed through a date, no entry dated on or before it
 * is accepted: a late correction goes in as an adjustment dated in an open period, so an issued statement
 * never rests on data that changed under it. A close only moves forward.
 *
 * <p>Race-free with entry writes: a close locks the store row {@code for update}, every entry write locks it
 * {@code for share} before it reads the close in force, so an entry is either committed before a close
 * (and the close sees it) or checked against it.
 */
@Repository
public class RevenueCloses implements ClosedPeriods {

    /** A close excludes every entry write of the store, and every other close of it. */
    private static final String LOCK_FOR_CLOSE = "select time_zone from store where id = ? for update";
    /** Entry writes of one store may run side by side; only a close waits for them (and they for it). */
    private static final String LOCK_FOR_ENTRIES = "select time_zone from store where id = ? for share";

    private final JdbcClient jdbc;
    private final BillingAudit audit;

    public RevenueCloses(JdbcClient jdbc, BillingAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The date the store's revenue is closed through, if it was ever closed. */
    public Optional<LocalDate> closedThrough(long storeId) {
        return jdbc.sql("select max(closed_through) from revenue_close where store_id = ?").param(storeId)
                .query(LocalDate.class).optional();
    }

    /**
     * Closes the store's revenue through {@code through} (inclusive). Closing again through the date in
     * force changes nothing and returns false.
     *
     * @throws InvalidInputException when the date is after today in the store's own time zone
     * @throws ConflictException when it is before the date in force: a close never moves back
     */
    @Transactional
    public boolean close(long storeId, LocalDate through, String actor) {
        ZoneId zone = ZoneId.of(lockStore(storeId, LOCK_FOR_CLOSE));
        LocalDate today = LocalDate.now(zone);
        if (through.isAfter(today)) {
            throw new InvalidInputException("through", through + " is in the future of the store's time zone "
                    + zone + " (today is " + today + ")");
        }
        Optional<LocalDate> current = closedThrough(storeId);
        if (current.isPresent() && through.isBefore(current.get())) {
            throw new ConflictException("revenue of store " + storeId + " is closed through " + current.get()
                    + "; a close never moves back, so it cannot be closed through " + through);
        }
        if (current.isPresent() && through.equals(current.get())) {
            return false;
        }
        jdbc.sql("insert into revenue_close (store_id, closed_through, closed_by) values (?, ?, ?)")
                .params(storeId, through, actor).update();
        audit.record(actor, "revenue_close.close", storeId, Map.of("closedThrough", through.toString(),
                "previous", current.map(LocalDate::toString).orElse("none")));
        return true;
    }

    /**
     * For entry writes, inside their transaction: locks the store against a concurrent close and refuses
     * dates on or before the close in force.
     *
     * @throws com.syncledger.app.problem.NotFoundException for an unknown store
     * @throws ConflictException naming the first entries that fall in the closed period
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireOpen(long storeId, Map<String, LocalDate> datesByEntry) {
        lockStore(storeId, LOCK_FOR_ENTRIES);
        Optional<LocalDate> closed = closedThrough(storeId);
        if (closed.isEmpty()) {
            return;
        }
        var refused = datesByEntry.entrySet().stream().filter(e -> !e.getValue().isAfter(closed.get())).toList();
        if (refused.isEmpty()) {
            return;
        }
        String named = refused.stream().limit(10).map(e -> e.getKey() + " dated " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElseThrow() + (refused.size() > 10
                        ? " and " + (refused.size() - 10) + " more" : "");
        throw new ConflictException("revenue of store " + storeId + " is closed through " + closed.get()
                + ", so " + named + " cannot be recorded; a late correction goes in as an adjustment dated in an "
                + "open period (after " + closed.get() + ")");
    }

    /** @return the store's time zone */
    private String lockStore(long storeId, String lockingQuery) {
        return jdbc.sql(lockingQuery).param(storeId).query(String.class).optional()
                .orElseThrow(() -> Stores.notFound(storeId));
    }
}
