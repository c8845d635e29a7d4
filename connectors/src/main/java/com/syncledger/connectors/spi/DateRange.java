package com.syncledger.connectors.spi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** An inclusive range of calendar days, read in an ad account's own time zone. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a date range needs both a start and an end date");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("date range end " + to + " is before its start " + from);
        }
    }

    /** Parses ISO dates ({@code YYYY-MM-DD}); impossible dates such as 2026-02-30 are rejected. */
    public static DateRange parse(String from, String to) {
        return new DateRange(parseDate("start", from), parseDate("end", to));
    }

    public static LocalDate parseDate(String what, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + what + " date '" + text + "': expected YYYY-MM-DD");
        }
    }

    public static DateRange of(LocalDate from, LocalDate to) {
        return new DateRange(from, to);
    }

    public static DateRange single(LocalDate day) {
        return new DateRange(day, day);
    }

    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
    }

    public Stream<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Consecutive sub-ranges of at most {@code maxDays} days, oldest first, covering this range exactly. */
    public List<DateRange> split(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1");
        }
        List<DateRange> parts = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDays)) {
            LocalDate end = start.plusDays(maxDays - 1L);
            parts.add(new DateRange(start, end.isAfter(to) ? to : end));
        }
        return List.copyOf(parts);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
