package com.syncledger.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void isInclusive() {
        DateRange range = DateRange.parse("2026-01-30", "2026-02-02");
        assertThat(range.days()).isEqualTo(4);
        assertThat(range.dates()).containsExactly(LocalDate.parse("2026-01-30"), LocalDate.parse("2026-01-31"),
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-02"));
    }

    @Test
    void rejectsImpossibleAndInvertedDates() {
        assertThatThrownBy(() -> DateRange.parse("2026-02-30", "2026-03-01"))
                .hasMessage("invalid start date '2026-02-30': expected YYYY-MM-DD");
        assertThatThrownBy(() -> DateRange.parse("2026-01-01", "01/02/2026"))
                .hasMessage("invalid end date '01/02/2026': expected YYYY-MM-DD");
        assertThatThrownBy(() -> DateRange.parse("2026-03-02", "2026-03-01"))
                .hasMessage("date range end 2026-03-01 is before its start 2026-03-02");
    }

    @Test
    void splitsIntoConsecutivePartsCoveringTheRangeExactly() {
        DateRange range = DateRange.parse("2026-01-01", "2026-03-01");
        var parts = range.split(30);
        assertThat(parts).containsExactly(DateRange.parse("2026-01-01", "2026-01-30"),
                DateRange.parse("2026-01-31", "2026-03-01"));
        assertThat(DateRange.single(LocalDate.parse("2026-01-01")).split(30)).hasSize(1);
    }
}
