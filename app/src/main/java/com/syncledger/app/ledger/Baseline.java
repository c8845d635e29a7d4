package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A baseline snapshot of a store's spend over a range: per currency, the spend of each of the nine
 * platforms and their total as the database keeps it. {@code gaps} lists what was missing or stale when
 * a provisional baseline was taken.
 */
public record Baseline(long id, long storeId, DateRange range, boolean provisional, List<String> gaps,
        Instant createdAt, List<Amounts> amounts, int spendVersions) {

    /** One currency's spend per platform and the database-computed total. */
    public record Amounts(String currency, Map<Platform, Money> platforms, Money total) {
    }
}
