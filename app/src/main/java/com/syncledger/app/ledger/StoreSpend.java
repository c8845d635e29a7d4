package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A store's spend over a range, per account and day, with how far each account's numbers can be trusted.
 * {@code complete} is true only when every linked account has a value for every day and none is stale.
 */
public record StoreSpend(long storeId, DateRange range, boolean complete, List<AccountSpend> accounts,
        List<PlatformTotal> platforms, List<Money> totals) {

    /** How far an account's numbers over the range can be trusted. */
    public enum Completeness {
        /** Every day has a value and the last sync succeeded. */
        COMPLETE,
        /** Every day has a value, but the last sync failed: the values are the last known ones. */
        STALE,
        /** Some days have no value at all. */
        MISSING_DAYS;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One linked account's spend. {@code total} is null when no day has a value yet, or when its days are in
     * more than one currency (the account changed currency).
     */
    public record AccountSpend(long accountId, Platform platform, String externalId, String currency,
            String timeZone, Completeness status, List<LocalDate> missingDays, Instant lastFetchedAt,
            String lastSyncError, Money total, List<DaySpend> days) {
    }

    /** One day's current value; {@code spend} is null when the day has never been fetched. */
    public record DaySpend(LocalDate date, Money spend, Instant fetchedAt) {
    }

    public record PlatformTotal(Platform platform, Money spend) {
    }
}
