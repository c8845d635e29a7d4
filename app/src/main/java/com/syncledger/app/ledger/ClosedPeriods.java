package com.syncledger.app.ledger;

import java.time.LocalDate;
import java.util.Map;

/**
 * The periods of a store closed to entry writes. Owned here because entry writes must ask; kept by billing,
 * which closes revenue (so the ledger never depends on billing).
 */
public interface ClosedPeriods {

    /**
     * For entry writes, inside their transaction: locks the store against a concurrent close and refuses
     * dates on or before the close in force.
     *
     * @param datesByEntry each entry's name (for the message) and date
     * @throws com.syncledger.app.problem.NotFoundException for an unknown store
     * @throws com.syncledger.app.problem.ConflictException naming the first entries that fall in the closed period
     */
    void requireOpen(long storeId, Map<String, LocalDate> datesByEntry);
}
