package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.SpendDays;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Which days of one fetch the ad products' reports vouch for. A report vouches for its whole startDate..endDate,
 * absent days meaning no delivery, with two exceptions that leave days missing instead of zero: days older than
 * a product's retention (never asked for), and a run of empty days at the old end of a report that lies beyond
 * {@link #EMPTY_TRUSTED_DAYS}, since Amazon has accepted Sponsored Products reports 95 days back while returning
 * rows for only the last 65. A profile's day is spend only when every product it has vouches for it.
 */
record ReportCoverage(DateRange range, LocalDate today, SpendDays days) {

    /** How far back an empty start of a report is still read as "no delivery": the oldest limit Amazon stated. */
    static final int EMPTY_TRUSTED_DAYS = 60;

    /** The part of the range {@code product} can still be asked for; empty when all of it is too old. */
    Optional<DateRange> reachable(AdProduct product) {
        LocalDate oldest = today.minusDays(product.retentionDays());
        if (range.to().isBefore(oldest)) {
            return Optional.empty();
        }
        return Optional.of(DateRange.of(range.from().isBefore(oldest) ? oldest : range.from(), range.to()));
    }

    /** {@code product} was asked for {@code reachable} only: the older days of the range lack its spend. */
    void askedFor(AdProduct product, DateRange reachable) {
        if (reachable.from().isAfter(range.from())) {
            beyondRetention(product, DateRange.of(range.from(), reachable.from().minusDays(1)));
        }
    }

    /** The whole range is too old for {@code product}, so it was not asked for at all. */
    void tooOld(AdProduct product) {
        beyondRetention(product, range);
    }

    private void beyondRetention(AdProduct product, DateRange old) {
        days.uncovered(old, product.reportTypeId() + " reports reach back only " + product.retentionDays()
                + " days, so the profile's total is unknown");
    }

    /** A completed report over {@code reportRange} with rows on {@code rowDays}. */
    void read(AdProduct product, DateRange reportRange, Collection<LocalDate> rowDays) {
        LocalDate trustedFrom = today.minusDays(EMPTY_TRUSTED_DAYS);
        LocalDate firstRow = rowDays.stream().filter(reportRange::contains).min(LocalDate::compareTo)
                .orElse(reportRange.to().plusDays(1));
        LocalDate untrustedEnd = firstRow.isBefore(trustedFrom) ? firstRow : trustedFrom;
        if (untrustedEnd.isAfter(reportRange.from())) {
            days.uncovered(DateRange.of(reportRange.from(), untrustedEnd.minusDays(1)), "the " + product.reportTypeId()
                    + " report has no rows for its oldest days, older than " + EMPTY_TRUSTED_DAYS
                    + " days: Amazon has left out old days before, so they are not read as zero");
        }
    }
}
