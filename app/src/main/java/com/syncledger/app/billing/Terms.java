package com.syncledger.app.billing;

import com.syncledger.connectors.spi.DateRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A store's billing terms from {@code effectiveFrom} (the first day of a month) until the next terms:
 * the baseline period, the fee rate as an exact decimal, an optional monthly floor and cap, and the
 * currency statements are billed in. Floor and cap are null when not agreed.
 */
public record Terms(long id, long storeId, LocalDate effectiveFrom, DateRange baseline, BigDecimal feeRate,
        BigDecimal floor, BigDecimal cap, String currency, Instant createdAt, String createdBy) {
}
