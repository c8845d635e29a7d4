package com.syncledger.connectors.reddit;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time window of one report request. Reddit cuts DATE rows in {@code time_zone_id}, so the account's own
 * zone is sent and the window runs from the first day's local midnight to the local midnight after the last
 * day, written as on-the-hour UTC instants (Reddit answers 400 to anything else).
 *
 * <p>How Reddit combines {@code starts_at} with a non-UTC {@code time_zone_id} is not documented (UNSURE);
 * sending the exact instants of the local midnights gives whole account days under the plain reading of an
 * ISO-8601 instant. In zones whose midnight is not on a UTC hour (Asia/Kolkata, Australia/Adelaide) the window
 * is widened to the enclosing hours, and Reddit may then add a partial row for the day before or after: such
 * a rounding-margin row is not part of the range and is skipped.
 */
record RedditReportWindow(DateRange days, ZoneId zone, Instant startsAt, Instant endsAt) {

    /** Reddit's timestamp format: ISO-8601, zero minutes and seconds, UTC. */
    static final DateTimeFormatter ON_THE_HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00:00'Z'").withZone(ZoneOffset.UTC);

    static RedditReportWindow of(DateRange days, ZoneId zone) {
        return new RedditReportWindow(days, zone,
                floorToHour(localMidnight(days.from(), zone)),
                ceilToHour(localMidnight(days.to().plusDays(1), zone)));
    }

    /** Whether a row dated {@code day}, outside {@link #days}, comes only from widening the window to whole hours. */
    boolean isRoundingMargin(LocalDate day) {
        return day.equals(days.from().minusDays(1)) && startsAt.isBefore(localMidnight(days.from(), zone))
                || day.equals(days.to().plusDays(1)) && endsAt.isAfter(localMidnight(days.to().plusDays(1), zone));
    }

    /** The JSON body: one SPEND row per account-local DATE, everything under {@code data}. */
    String requestBody() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("breakdowns", List.of("DATE"));
        data.put("fields", List.of("SPEND"));
        data.put("starts_at", ON_THE_HOUR.format(startsAt));
        data.put("ends_at", ON_THE_HOUR.format(endsAt));
        data.put("time_zone_id", zone.getId());
        return Json.write(Map.of("data", data));
    }

    private static Instant localMidnight(LocalDate day, ZoneId zone) {
        // atStartOfDay, not atTime(0, 0): in zones that skip midnight for DST the day starts at 01:00.
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant floorToHour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    private static Instant ceilToHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
