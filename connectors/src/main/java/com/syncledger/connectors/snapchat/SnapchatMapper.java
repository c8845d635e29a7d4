package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.SpendDays;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/**
 * Snapchat's wire format: account-local midnights with the offset in force on that date, the
 * {@code adaccounts} envelope and the {@code timeseries_stats} answer with spend in integer micros.
 */
final class SnapchatMapper {

    /** The format Snap itself uses, e.g. {@code 2024-03-10T00:00:00.000-08:00}. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private SnapchatMapper() {
    }

    /**
     * The start of {@code day} in {@code zone}, with the UTC offset in force at that instant (DST changes it).
     * {@code atStartOfDay} also covers zones whose DST switch skips midnight itself.
     */
    static String startOfDay(LocalDate day, ZoneId zone) {
        return TIME.format(day.atStartOfDay(zone));
    }

    static AccountInfo accountInfo(JsonNode body, String accountId, String requestId) {
        JsonNode item = onlyItem(body, "adaccounts", requestId);
        JsonNode account = item.get("adaccount");
        if (account == null || !account.isObject()) {
            throw SnapchatErrors.badResponse(requestId, "sent an ad account answer without 'adaccount'");
        }
        String id = Json.text(account, "id");
        if (id != null && !id.equalsIgnoreCase(accountId)) {
            throw SnapchatErrors.badResponse(requestId, "sent ad account " + id + " when asked for " + accountId);
        }
        try {
            return new AccountInfo(Json.text(account, "currency"), ZoneId.of(String.valueOf(Json.text(account, "timezone"))),
                    Json.text(account, "name"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw SnapchatErrors.badResponse(requestId, "sent an unreadable currency or timezone for ad account "
                    + accountId + ": " + e.getMessage());
        }
    }

    /**
     * Adds the daily spend of one stats answer for {@code part}. Every element must be one account-local day,
     * each day of {@code part} at most once; spend must be integer micros. Elements outside {@code part} are
     * left to {@link SpendDays} to ignore.
     */
    static void addDailySpend(JsonNode body, DateRange part, ZoneId zone, String currency, SpendDays days,
            String requestId) {
        JsonNode stat = onlyItem(body, "timeseries_stats", requestId).get("timeseries_stat");
        JsonNode timeseries = stat == null ? null : stat.get("timeseries");
        if (timeseries == null || !timeseries.isArray()) {
            throw SnapchatErrors.badResponse(requestId, "sent stats without 'timeseries_stat.timeseries'");
        }
        SpendDays.OneRowPerDay answer = days.oneRowPerDay(part);
        for (JsonNode element : timeseries) {
            answer.add(localDay(element, zone, requestId), Money.ofMicros(micros(element, requestId), currency),
                    requestId);
        }
    }

    /** The single item of a {@code {"<plural>":[{"sub_request_status":…}]}} envelope, checked for success. */
    private static JsonNode onlyItem(JsonNode body, String plural, String requestId) {
        JsonNode items = body.get(plural);
        if (items == null || !items.isArray() || items.size() != 1) {
            throw SnapchatErrors.badResponse(requestId, "sent no single '" + plural + "' item");
        }
        JsonNode item = items.get(0);
        String status = Json.text(item, "sub_request_status");
        if (!SnapchatErrors.isSuccess(status)) {
            String reason = Json.text(item, "sub_request_error_reason");
            throw SnapchatErrors.badResponse(requestId, "answered '" + plural + "' with sub_request_status " + status
                    + (reason == null ? "" : ": " + reason));
        }
        return item;
    }

    /** The account-local day an element covers; it must start exactly at that day's local midnight. */
    private static LocalDate localDay(JsonNode element, ZoneId zone, String requestId) {
        String start = Json.text(element, "start_time");
        try {
            OffsetDateTime time = OffsetDateTime.parse(String.valueOf(start));
            LocalDate day = time.atZoneSameInstant(zone).toLocalDate();
            if (!day.atStartOfDay(zone).toInstant().equals(time.toInstant())) {
                throw SnapchatErrors.badResponse(requestId, "sent a day starting at " + start
                        + ", which is not midnight in the account's time zone " + zone);
            }
            return day;
        } catch (DateTimeException e) {
            throw SnapchatErrors.badResponse(requestId, "sent an unreadable start_time '" + start + "'");
        }
    }

    private static long micros(JsonNode element, String requestId) {
        JsonNode stats = element.get("stats");
        try {
            if (stats == null || !stats.isObject()) {
                throw new NumberFormatException("missing 'stats'");
            }
            BigDecimal spend = Json.decimal(stats, "spend");
            return spend.toBigIntegerExact().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw SnapchatErrors.badResponse(requestId, "sent an unreadable spend (integer micros expected) for "
                    + Json.text(element, "start_time") + ": " + e.getMessage());
        }
    }
}
