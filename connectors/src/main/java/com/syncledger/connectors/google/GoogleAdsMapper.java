package com.syncledger.connectors.google;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.SpendDays;
import com.syncledger.connectors.wire.WireResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads {@code googleAds:searchStream} answers: customer rows and daily {@code cost_micros} rows. */
final class GoogleAdsMapper {

    /** The rows of every batch of one stream, and the request id of the call. */
    record StreamRows(List<JsonNode> rows, String requestId) {
    }

    private GoogleAdsMapper() {
    }

    /**
     * The rows of all batches. The answer is a JSON array of batches; an {@code error} element (a stream that
     * failed part-way) throws the error it carries, so rows read before it are never taken for the whole.
     */
    static StreamRows rows(JsonNode body, WireResponse response, String requestId) {
        if (!body.isArray()) {
            if (body.has("error")) {
                throw GoogleAdsErrors.fromStreamError(response, body.get("error"));
            }
            throw bad(requestId, "Google Ads searchStream answer is not an array of batches");
        }
        List<JsonNode> rows = new ArrayList<>();
        String id = requestId;
        for (JsonNode batch : body) {
            if (!batch.isObject()) {
                throw bad(id, "Google Ads searchStream batch is not an object");
            }
            if (batch.has("error")) {
                throw GoogleAdsErrors.fromStreamError(response, batch.get("error"));
            }
            if (id == null) {
                id = Json.text(batch, "requestId");
            }
            JsonNode results = batch.get("results");
            if (results == null) {
                continue; // an empty answer may be [] or batches without results
            }
            if (!results.isArray()) {
                throw bad(id, "Google Ads searchStream results are not an array");
            }
            results.forEach(rows::add);
        }
        return new StreamRows(rows, id);
    }

    /** The one row of {@code SELECT customer.* FROM customer}. */
    static AccountInfo accountInfo(StreamRows stream) {
        if (stream.rows().size() != 1) {
            throw bad(stream.requestId(), "Google Ads answered " + stream.rows().size() + " customer rows, expected 1");
        }
        JsonNode customer = stream.rows().get(0).path("customer");
        String currency = Json.text(customer, "currencyCode");
        String zone = Json.text(customer, "timeZone");
        if (currency == null || zone == null) {
            throw bad(stream.requestId(), "Google Ads customer row lacks currencyCode or timeZone");
        }
        try {
            return new AccountInfo(currency, ZoneId.of(zone), Json.text(customer, "descriptiveName"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw bad(stream.requestId(), "Google Ads customer has an unreadable currency '" + currency
                    + "' or time zone '" + zone + "'");
        }
    }

    /** The {@code customer.descriptive_name} of a one-row customer query; null when Google left it out. */
    static String descriptiveName(StreamRows stream) {
        if (stream.rows().size() != 1) {
            throw bad(stream.requestId(), "Google Ads answered " + stream.rows().size() + " customer rows, expected 1");
        }
        return Json.text(stream.rows().get(0).path("customer"), "descriptiveName");
    }

    /**
     * Adds each {@code segments.date} row's {@code metrics.costMicros}. A row in another currency or time zone
     * than {@code info} is refused: its days would not be the days the ledger keeps.
     */
    static void addSpend(StreamRows stream, AccountInfo info, SpendDays days) {
        String requestId = stream.requestId();
        for (JsonNode row : stream.rows()) {
            String dateText = Json.text(row.path("segments"), "date");
            LocalDate day;
            try {
                day = LocalDate.parse(dateText == null ? "" : dateText);
            } catch (DateTimeException e) {
                throw bad(requestId, "Google Ads row has an unreadable segments.date '" + dateText + "'");
            }
            JsonNode customer = row.path("customer");
            String zone = Json.text(customer, "timeZone");
            if (zone != null && !zone.equals(info.timeZone().getId())) {
                throw bad(requestId, "Google Ads reported " + day + " in time zone " + zone + ", the account is in "
                        + info.timeZone().getId());
            }
            String currency = Json.text(customer, "currencyCode");
            // proto3 JSON leaves out zero values, so an absent costMicros is a cost of 0.
            String micros = Json.text(row.path("metrics"), "costMicros");
            try {
                days.add(day, Money.parseMicros(micros == null ? "0" : micros,
                        currency == null ? info.currency() : currency), requestId);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw bad(requestId, "Google Ads row for " + day + " has an unreadable costMicros '" + micros + "'");
            }
        }
    }

    private static ConnectorException.BadResponse bad(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(Platform.GOOGLE, 200, null, requestId, message));
    }
}
