package com.syncledger.app.billing;

import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A success-fee statement of one store and billing period, every figure as printed (rounded once, in the
 * billing currency). {@code id}, {@code issuedAt} and {@code issuedBy} are null for a preview.
 *
 * @param period             the figures of the billing period
 * @param baseline           the figures of the terms' baseline period
 * @param baselinePerDay     the baseline's net profit per day, printed
 * @param baselineForPeriod  {@code baselinePerDay} × the period's days
 * @param attribution        uplift per platform, and the unattributed rest last (platform null)
 * @param roundingToUnattributed what the unattributed line took so the lines sum to the uplift (usually 0)
 * @param feeBeforeLimits    fee rate × uplift, before floor and cap (0 without uplift)
 * @param amountDue          the fee plus the fee differences of the adjustment lines
 */
public record Statement(long storeId, String storeName, BillingPeriod billingPeriod, Terms terms, Long id,
        Instant issuedAt, String issuedBy, List<Gap> gaps, ProfitFigures period, ProfitFigures baseline,
        BigDecimal baselinePerDay, BigDecimal baselineForPeriod, BigDecimal uplift, List<PlatformUplift> attribution,
        BigDecimal roundingToUnattributed, BigDecimal feeBeforeLimits, BigDecimal fee, String feeNote,
        List<Adjustment> adjustments, BigDecimal amountDue, Pins pins) {

    public boolean settled() {
        return gaps.isEmpty();
    }

    public String currency() {
        return terms.currency();
    }

    /** One attribution line: (attributed entries − spend) in the period against the same per baseline day. */
    public record PlatformUplift(Platform platform, BigDecimal periodContribution, BigDecimal baselinePerDay,
            BigDecimal baselineForPeriod, BigDecimal uplift) {
    }

    /**
     * The change in an earlier issued statement's figures since it was issued (and since the adjustments
     * already carried for it): negative differences are credits.
     */
    public record Adjustment(long originalStatementId, BillingPeriod originalPeriod, BigDecimal netProfitDifference,
            BigDecimal feeDifference, String reason) {
    }

    /** The exact data the statement rests on. */
    public record Pins(List<Long> periodSpendVersions, List<Long> baselineSpendVersions, List<Long> periodEntries,
            List<Long> baselineEntries, List<FxRate> rates) {

        int spendVersions() {
            return periodSpendVersions.size() + baselineSpendVersions.size();
        }

        int entries() {
            return periodEntries.size() + baselineEntries.size();
        }
    }
}
