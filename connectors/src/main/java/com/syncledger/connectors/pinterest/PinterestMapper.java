package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.SpendDays;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Pinterest's wire format: the ad account object and the bare-array analytics answer. */
final class PinterestMapper {

    /** Micro-units of the account's own currency, whatever the name says (e.g. micro-euros). */
    static final String SPEND_COLUMN = "SPEND_IN_MICRO_DOLLAR";

    private static final Logger LOG = LoggerFactory.getLogger(PinterestMapper.class);

    private PinterestMapper() {
    }

    /**
     * The zone Pinterest's {@code DATE} buckets are cut in: UTC. Pinterest names UTC for its report dates, and
     * account-zone days are a separate opt-in ({@code reporting_timezone=AD_ACCOUNT_TIME_ZONE}, closed beta), so
     * the default is not the account's zone. Every account is reported on UTC, whatever its {@code time_zone}.
     */
    static final ZoneId REPORTING_ZONE = ZoneOffset.UTC;

    /**
     * The account's currency and name, on {@link #REPORTING_ZONE}: the zone its reported days are cut in, not
     * the account's own {@code time_zone}, which is only logged at debug.
     */
    static AccountInfo accountInfo(JsonNode body, String accountId, String requestId) {
        if (!body.isObject()) {
            throw PinterestErrors.badResponse(requestId, "sent an ad account answer that is not an object");
        }
        String id = Json.text(body, "id");
        if (id != null && !id.equals(accountId)) {
            throw PinterestErrors.badResponse(requestId, "sent ad account " + id + " when asked for " + accountId);
        }
        String ownZone = Json.text(body, "time_zone");
        if (ownZone != null) {
            LOG.debug("event=account_time_zone platform=pinterest account={} time_zone=\"{}\" days_in=UTC",
                    accountId, ownZone);
        }
        try {
            return new AccountInfo(Json.text(body, "currency"), REPORTING_ZONE, Json.text(body, "name"));
        } catch (IllegalArgumentException e) {
            throw PinterestErrors.badResponse(requestId, "sent an unreadable currency for ad account " + accountId
                    + ": " + e.getMessage());
        }
    }

    /**
     * Adds one analytics answer for {@code part}: a bare array with one row per day that had delivery. Each
     * row's DATE must be inside {@code part} and appear once; a row without the spend column has no spend
     * (Pinterest leaves out columns without a value).
     */
    static void addDailySpend(JsonNode body, String accountId, DateRange part, String currency, SpendDays days,
            String requestId) {
        if (!body.isArray()) {
            throw PinterestErrors.badResponse(requestId, "sent analytics that are not a JSON array");
        }
        SpendDays.OneRowPerDay answer = days.oneRowPerDay(part);
        for (JsonNode row : body) {
            LocalDate day = dateOfOwnRow(row, accountId, requestId);
            answer.add(day, Money.ofMicros(micros(row, day, requestId), currency), requestId);
        }
    }

    /** A row's DATE; a row of another ad account than the one asked for is refused. */
    private static LocalDate dateOfOwnRow(JsonNode row, String accountId, String requestId) {
        LocalDate day = date(row, requestId);
        String rowAccount = Json.text(row, "AD_ACCOUNT_ID");
        if (rowAccount != null && !rowAccount.equals(accountId)) {
            throw PinterestErrors.badResponse(requestId, "sent a row of ad account " + rowAccount
                    + " when asked for " + accountId);
        }
        return day;
    }

    /** The account's own {@code time_zone} (IANA, optional since 5.28); empty when absent or unreadable. */
    static Optional<ZoneId> ownTimeZone(JsonNode body) {
        String zone = body.isObject() ? Json.text(body, "time_zone") : null;
        try {
            return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            LOG.debug("event=account_time_zone_unreadable platform=pinterest time_zone=\"{}\"", zone);
            return Optional.empty();
        }
    }

    /** An analytics answer as micros per DATE, for comparing two answers (rows of other accounts refused). */
    static Map<LocalDate, Long> spendByDate(JsonNode body, String accountId, String requestId) {
        if (!body.isArray()) {
            throw PinterestErrors.badResponse(requestId, "sent analytics that are not a JSON array");
        }
        Map<LocalDate, Long> byDate = new TreeMap<>();
        for (JsonNode row : body) {
            LocalDate day = dateOfOwnRow(row, accountId, requestId);
            byDate.merge(day, micros(row, day, requestId), Long::sum);
        }
        return byDate;
    }

    private static LocalDate date(JsonNode row, String requestId) {
        String date = row.isObject() ? Json.text(row, "DATE") : null;
        try {
            return LocalDate.parse(String.valueOf(date));
        } catch (DateTimeException e) {
            throw PinterestErrors.badResponse(requestId, "sent a row without a readable DATE: " + date);
        }
    }

    private static long micros(JsonNode row, LocalDate day, String requestId) {
        JsonNode value = row.get(SPEND_COLUMN);
        if (value == null || value.isNull()) {
            return 0;
        }
        try {
            BigDecimal micros = Json.decimal(row, SPEND_COLUMN);
            return micros.toBigIntegerExact().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw PinterestErrors.badResponse(requestId, "sent an unreadable " + SPEND_COLUMN + " for " + day
                    + " (integer micros expected): " + value);
        }
    }
}
