package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code elements} of a DAILY adAnalytics answer at the ACCOUNT pivot: one element per day with
 * activity, {@code dateRange.start == dateRange.end}, {@code costInLocalCurrency} a decimal string in the
 * account's currency. Element order is not guaranteed.
 */
final class LinkedInAnalytics {

    /** One account-day. */
    record Day(LocalDate date, Money spend) {
    }

    private LinkedInAnalytics() {
    }

    static List<Day> read(JsonNode body, String currency, String requestId) {
        JsonNode elements = body.get("elements");
        if (elements == null || !elements.isArray()) {
            throw bad(requestId, "LinkedIn's adAnalytics answer has no 'elements' array");
        }
        List<Day> days = new ArrayList<>();
        for (JsonNode element : elements) {
            LocalDate start = date(element.path("dateRange").path("start"), requestId);
            LocalDate end = date(element.path("dateRange").path("end"), requestId);
            if (!start.equals(end)) {
                throw bad(requestId, "LinkedIn sent a " + start + ".." + end + " element for a DAILY report");
            }
            try {
                days.add(new Day(start, Money.ofMajor(Json.decimal(element, "costInLocalCurrency"), currency)));
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad(requestId, "LinkedIn sent costInLocalCurrency '" + Json.text(element, "costInLocalCurrency")
                        + "' for " + start + ", which is not an exact amount");
            }
        }
        return days;
    }

    private static LocalDate date(JsonNode date, String requestId) {
        JsonNode year = date.get("year");
        JsonNode month = date.get("month");
        JsonNode day = date.get("day");
        if (year == null || month == null || day == null
                || !year.canConvertToInt() || !month.canConvertToInt() || !day.canConvertToInt()) {
            throw bad(requestId, "LinkedIn sent an element without a readable dateRange");
        }
        try {
            return LocalDate.of(year.intValue(), month.intValue(), day.intValue());
        } catch (DateTimeException e) {
            throw bad(requestId, "LinkedIn sent an impossible date in dateRange: " + date);
        }
    }

    private static ConnectorException bad(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(Platform.LINKEDIN, 200, null, requestId, message));
    }
}
