package com.syncledger.connectors.meta;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads Graph API answers: the ad account node and pages of daily insights. */
final class MetaMapper {

    /** Spend of one account-local day, in the currency Meta reported it in. */
    record DailyRow(LocalDate day, Money spend) {
    }

    /** One page of insights rows and the link to the next page (null on the last). */
    record InsightsPage(List<DailyRow> rows, String next) {
    }

    private MetaMapper() {
    }

    /** The ad account's currency, time zone ({@code timezone_name}) and name. */
    static AccountInfo accountInfo(JsonNode account, String requestId) {
        String currency = Json.text(account, "currency");
        String zone = Json.text(account, "timezone_name");
        if (currency == null || zone == null) {
            throw bad(requestId, "Meta ad account answer lacks currency or timezone_name");
        }
        try {
            return new AccountInfo(currency, ZoneId.of(zone), Json.text(account, "name"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(requestId, "Meta ad account has an unreadable currency '" + currency + "' or time zone '" + zone + "'");
        }
    }

    /**
     * One page of {@code time_increment=1} insights. Every row must be a single day with a readable
     * {@code spend}; a missing {@code data} array is a bad answer, never an empty one.
     */
    static InsightsPage insightsPage(JsonNode body, String accountCurrency, String requestId) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray()) {
            throw bad(requestId, "Meta insights answer has no data array");
        }
        List<DailyRow> rows = new ArrayList<>();
        for (JsonNode row : data) {
            rows.add(dailyRow(row, accountCurrency, requestId));
        }
        return new InsightsPage(rows, Json.text(body.path("paging"), "next"));
    }

    private static DailyRow dailyRow(JsonNode row, String accountCurrency, String requestId) {
        LocalDate start = date(row, "date_start", requestId);
        LocalDate stop = date(row, "date_stop", requestId);
        if (!start.equals(stop)) {
            throw bad(requestId, "Meta insights row covers " + start + ".." + stop + ", expected a single day");
        }
        String currency = Json.text(row, "account_currency");
        try {
            return new DailyRow(start, Money.ofMajor(Json.decimal(row, "spend"),
                    currency == null ? accountCurrency : currency));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // NumberFormatException (unreadable or missing spend) is an IllegalArgumentException.
            throw bad(requestId, "Meta insights row for " + start + " has an unreadable spend: " + e.getMessage());
        }
    }

    private static LocalDate date(JsonNode row, String field, String requestId) {
        String text = Json.text(row, field);
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeException e) {
            throw bad(requestId, "Meta insights row has an unreadable " + field + " '" + text + "'");
        }
    }

    static ConnectorException.BadResponse bad(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(Platform.META, 200, null, requestId, message));
    }
}
