package com.syncledger.app.console;

import com.syncledger.app.ledger.Store;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The windows the console shows, in the store's own calendar: days end yesterday, because today is still
 * being spent. Month-to-date is empty on the first of a month.
 */
record StoreCalendar(LocalDate yesterday) {

    static StoreCalendar of(Store store, Clock clock) {
        return new StoreCalendar(LocalDate.now(clock.withZone(ZoneId.of(store.timeZone()))).minusDays(1));
    }

    LocalDate today() {
        return yesterday.plusDays(1);
    }

    Optional<DateRange> monthToDate() {
        LocalDate first = today().withDayOfMonth(1);
        return first.isAfter(yesterday) ? Optional.empty() : Optional.of(DateRange.of(first, yesterday));
    }

    DateRange lastMonth() {
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        return DateRange.of(last.atDay(1), last.atEndOfMonth());
    }

    /** From the first day of last month through yesterday: the overview's one read per store. */
    DateRange lastMonthToDate() {
        return DateRange.of(lastMonth().from(), yesterday);
    }

    /** The last {@code months} calendar months, this one included, through yesterday. */
    DateRange months(int months) {
        LocalDate from = YearMonth.from(today()).minusMonths(months - 1L).atDay(1);
        return DateRange.of(from.isAfter(yesterday) ? yesterday : from, yesterday);
    }
}
