package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A store's spend per month, platform and currency (the summary), from every account it has had, each
 * account-day counted once. A month without a stored day has no platform rows: nothing is reported as zero.
 */
public record MonthlySpend(long storeId, YearMonth from, YearMonth to, List<Month> months) {

    public record Month(YearMonth month, List<PlatformMonth> platforms) {
    }

    /** {@code days} is how many account-days the amount adds up, so a reader sees how much of the month it is. */
    public record PlatformMonth(Platform platform, Money spend, int days, Instant lastFetchedAt) {
    }
}
