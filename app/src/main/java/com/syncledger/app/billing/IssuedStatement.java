package com.syncledger.app.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** An issued statement as stored: its key figures and its document exactly as issued. */
public record IssuedStatement(long id, long storeId, BillingPeriod period, long termsId, String currency,
        BigDecimal netProfit, BigDecimal uplift, BigDecimal fee, BigDecimal amountDue, Instant issuedAt,
        String issuedBy, String document) {
}
