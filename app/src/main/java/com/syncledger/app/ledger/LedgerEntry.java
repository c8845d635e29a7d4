package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.time.LocalDate;

/** A revenue, refund, cost or adjustment entry of a store, optionally attributed to a platform and campaign. */
public record LedgerEntry(long id, long storeId, String externalId, Kind kind, LocalDate date, Money amount,
        Platform platform, String platformCampaignId, String description, Instant createdAt) {

    public enum Kind {
        REVENUE, REFUND, COGS, SHIPPING, PAYMENT_FEE, OTHER_COST, ADJUSTMENT;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
