package com.syncledger.app.billing;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A billing period: one calendar month in the store's own calendar. */
public record BillingPeriod(YearMonth month) {

    /** @throws InvalidInputException unless the text is {@code YYYY-MM} */
    public static BillingPeriod parse(String text) {
        try {
            return new BillingPeriod(YearMonth.parse(String.valueOf(text).strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("period", "must be a month YYYY-MM, e.g. 2026-03");
        }
    }

    public static BillingPeriod of(LocalDate firstDay) {
        return new BillingPeriod(YearMonth.from(firstDay));
    }

    public LocalDate first() {
        return month.atDay(1);
    }

    public LocalDate last() {
        return month.atEndOfMonth();
    }

    public int days() {
        return month.lengthOfMonth();
    }

    public DateRange range() {
        return DateRange.of(first(), last());
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
