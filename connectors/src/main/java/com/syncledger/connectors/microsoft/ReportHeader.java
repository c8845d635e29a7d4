package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.DateRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report's header block says about its rows. Which zone cuts the daily rows is UNSURE (the docs say
 * UTC, users see the account's zone), so the connector does not assume: the {@code Time Zone:} line must name
 * the zone the days are labelled with, or the report is refused. {@code Report Time:} echoes the days the
 * report ran over, which are the days it vouches for.
 */
record ReportHeader(String timeZone, Optional<DateRange> reportTime) {

    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US).withResolverStyle(ResolverStyle.STRICT);

    static ReportHeader of(Map<String, String> header) {
        return new ReportHeader(header.get("Time Zone"), reportTime(header.get("Report Time")));
    }

    /**
     * Whether the rows are days of {@code zone}. The line is an enum name ({@code EasternTimeUSCanada}) or
     * Microsoft's display form ({@code (GMT-05:00) Eastern Time (US & Canada)}), whose words are the enum name.
     */
    boolean cutsDaysIn(ZoneId zone) {
        return zone(timeZone).filter(zone::equals).isPresent();
    }

    private static Optional<ZoneId> zone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().replaceFirst("^\\((GMT|UTC)[^)]*\\)", "");
        return MicrosoftTimeZones.zoneOf(name);
    }

    private static Optional<DateRange> reportTime(String text) {
        String[] bounds = text == null ? new String[0] : text.split(",");
        if (bounds.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateRange.of(LocalDate.parse(bounds[0].trim(), US_DATE),
                    LocalDate.parse(bounds[1].trim(), US_DATE)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
