package com.syncledger.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Platforms keep spend by the hour and cut days in some zone (Reddit in the request's {@code time_zone_id},
 * perhaps Microsoft in UTC). This spreads each account-local day's spend over that day's hours, to the micro
 * and summing back exactly, so a window or zone that does not line up with the account's days shows up as
 * partial days instead of passing unseen.
 */
public final class HourlySpend {

    private HourlySpend() {
    }

    /** Spend in micros per day of {@code zone}, over the hours starting in [{@code from}, {@code to}); no zero days. */
    public static NavigableMap<LocalDate, Long> byDay(FakeAccount account, Instant from, Instant to, ZoneId zone) {
        return byDay(account, account.timeZone(), from, to, zone);
    }

    /**
     * As {@link #byDay(FakeAccount, Instant, Instant, ZoneId)}, with the account's ground-truth days taken as
     * days of {@code home} (a platform that cuts every account's days in UTC keeps its truth in UTC days).
     */
    public static NavigableMap<LocalDate, Long> byDay(FakeAccount account, ZoneId home, Instant from, Instant to,
            ZoneId zone) {
        NavigableMap<LocalDate, Long> result = new TreeMap<>();
        LocalDate first = from.atZone(home).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(home).toLocalDate().plusDays(1);
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> day : account.daysBetween(first, last).entrySet()) {
            Instant dayStart = day.getKey().atStartOfDay(home).toInstant();
            int hours = (int) Duration.between(dayStart, day.getKey().plusDays(1).atStartOfDay(home).toInstant()).toHours();
            for (BigDecimal amount : day.getValue().values()) {
                long micros = amount.movePointRight(6).longValueExact();
                for (int hour = 0; hour < hours; hour++) {
                    Instant slot = dayStart.plus(Duration.ofHours(hour));
                    if (!slot.isBefore(from) && slot.isBefore(to)) {
                        long share = micros / hours + (hour < micros % hours ? 1 : 0);
                        result.merge(slot.atZone(zone).toLocalDate(), share, Long::sum);
                    }
                }
            }
        }
        result.values().removeIf(micros -> micros == 0);
        return result;
    }
}
