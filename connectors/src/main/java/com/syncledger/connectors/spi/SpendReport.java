package com.syncledger.connectors.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Daily spend for the days of the requested range that the platform's answer vouches for, in ascending order.
 * A day is in {@code days} (with zero when the platform reported nothing) only when the answer covered it:
 * the platform echoed the range, its report definition covered the day, or its documentation promises that an
 * absent day means no delivery. Every other day of the range is in {@code missing}, with the reason: it is
 * unknown, never zero, and is not written. {@code requestIds} are the platform's request ids of the calls
 * that produced it; {@code ignoredRows} counts rows the platform sent for days outside the range, which are
 * not spend of this range (a platform may include a boundary bucket) and were left out.
 */
public record SpendReport(DateRange range, List<DailySpend> days, List<String> requestIds, List<Gap> missing,
        int ignoredRows) {

    /** Consecutive days of the range the answer cannot vouch for, and why. */
    public record Gap(DateRange days, String reason) {
    }

    public SpendReport {
        days = List.copyOf(days);
        requestIds = List.copyOf(requestIds);
        missing = List.copyOf(missing);
        if (ignoredRows < 0) {
            throw new IllegalArgumentException("ignoredRows cannot be negative");
        }
        Set<LocalDate> seen = new TreeSet<>();
        LocalDate previous = null;
        for (DailySpend day : days) {
            if (!range.contains(day.date()) || previous != null && !day.date().isAfter(previous)) {
                throw new IllegalArgumentException("a spend report holds distinct days of " + range
                        + " in ascending order, not " + day.date());
            }
            previous = day.date();
            seen.add(day.date());
        }
        for (Gap gap : missing) {
            gap.days().dates().forEach(d -> {
                if (!range.contains(d) || !seen.add(d)) {
                    throw new IllegalArgumentException("missing day " + d + " is outside " + range + " or reported twice");
                }
            });
        }
        if (seen.size() != range.days()) {
            throw new IllegalArgumentException("a spend report accounts for every day of " + range
                    + ", as spend or as missing; it has " + seen.size());
        }
    }

    /** A report that covers every day of its range. */
    public SpendReport(DateRange range, List<DailySpend> days, List<String> requestIds) {
        this(range, days, requestIds, List.of(), 0);
    }

    /** The days of the range without a vouched-for value, oldest first. */
    public List<LocalDate> missingDays() {
        return missing.stream().flatMap(g -> g.days().dates()).sorted().toList();
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }

    /** Total over the covered days; see {@link #isComplete()} before treating it as the range's total. */
    public Money total(String currency) {
        return days.stream().map(DailySpend::spend).reduce(Money.zero(currency), Money::plus);
    }
}
