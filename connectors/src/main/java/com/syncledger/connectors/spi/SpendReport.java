package com.syncledger.connectors.spi;

import java.util.List;

/**
 * Daily spend for every day of the requested range, in ascending order: days the platform omitted are
 * present with zero. {@code requestIds} are the platform's request ids of the calls that produced it.
 */
public record SpendReport(DateRange range, List<DailySpend> days, List<String> requestIds) {

    public SpendReport {
        days = List.copyOf(days);
        requestIds = List.copyOf(requestIds);
        if (days.size() != range.days()) {
            throw new IllegalArgumentException("a spend report must hold every day of " + range + ", has " + days.size());
        }
    }

    public Money total(String currency) {
        return days.stream().map(DailySpend::spend).reduce(Money.zero(currency), Money::plus);
    }
}
