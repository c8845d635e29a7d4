package com.syncledger.connectors.reddit;

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

/** Reads Reddit's answers: the ad account and report pages. Money is integer microcurrency, kept exact. */
final class RedditWire {

    private static final Platform REDDIT = Platform.REDDIT;

    private RedditWire() {
    }

    /** One row of a DATE report: the account-local day and its spend. */
    record Row(LocalDate date, Money spend) {
    }

    /** One page of a report, and where the next one is (null on the last page). */
    record Page(List<Row> rows, String nextUrl) {
    }

    /**
     * {@code GET /api/v3/ad_accounts/{id}} → {@code {"data":{"currency":"USD","time_zone_id":"America/Los_Angeles",...}}}.
     * The field names are not all confirmed (UNSURE), so the likely alternatives are read as well.
     */
    static AccountInfo accountInfo(JsonNode body, String requestId) {
        JsonNode data = body.path("data");
        String currency = firstText(data, "currency", "currency_code");
        String zone = firstText(data, "time_zone_id", "timezone", "time_zone");
        if (currency == null || zone == null) {
            throw bad(requestId, "Reddit's ad account answer has no " + (currency == null ? "currency" : "time_zone_id"));
        }
        try {
            return new AccountInfo(currency, ZoneId.of(zone), Json.text(data, "name"));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw bad(requestId, "Reddit's ad account answer has an unreadable currency '" + currency
                    + "' or time zone '" + zone + "'");
        }
    }

    /**
     * {@code {"data":{"metrics":[{"date":"2024-03-01","spend":12340000}]},"pagination":{"next_url":...}}}.
     * A missing {@code metrics} list or an unreadable row is a bad response, never zero spend.
     *
     * @param currency the account's currency: Reddit reports spend in it
     */
    static Page reportPage(JsonNode body, String currency, String requestId) {
        JsonNode metrics = body.path("data").path("metrics");
        if (!metrics.isArray()) {
            throw bad(requestId, "Reddit's report answer has no data.metrics list");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : metrics) {
            rows.add(row(row, currency, requestId));
        }
        String next = Json.text(body.path("pagination"), "next_url");
        return new Page(List.copyOf(rows), next == null || next.isBlank() ? null : next.trim());
    }

    private static Row row(JsonNode row, String currency, String requestId) {
        String date = Json.text(row, "date");
        String spend = Json.text(row, "spend");
        try {
            // A currency column is not requested; if Reddit adds one anyway it must be the account's.
            String rowCurrency = Json.text(row, "currency");
            return new Row(LocalDate.parse(date), Money.parseMicros(spend, rowCurrency == null ? currency : rowCurrency));
        } catch (RuntimeException e) {
            throw bad(requestId, "Reddit sent an unreadable report row (date '" + date + "', spend '" + spend
                    + "'): spend must be integer microcurrency");
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = Json.text(node, field);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    static ConnectorException.BadResponse bad(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(REDDIT, 200, null, requestId, message));
    }
}
