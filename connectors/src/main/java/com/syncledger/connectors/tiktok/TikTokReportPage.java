package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of an advertiser-level daily report: {@code data.list} rows of
 * {@code {"dimensions":{"advertiser_id","stat_time_day":"YYYY-MM-DD 00:00:00"},"metrics":{"spend":"12.34"}}}
 * and {@code data.page_info}.
 */
record TikTokReportPage(List<Row> rows, int totalPages) {

    /** One advertiser-day: its spend in the advertiser's currency. */
    record Row(LocalDate day, Money spend) {
    }

    static TikTokReportPage read(JsonNode data, String advertiserId, String currency, String requestId) {
        JsonNode list = data.get("list");
        JsonNode pageInfo = data.get("page_info");
        if (list == null || !list.isArray() || pageInfo == null || !pageInfo.isObject()) {
            throw bad(requestId, "TikTok's report has no 'list' array or no 'page_info'");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : list) {
            rows.add(row(row, advertiserId, currency, requestId));
        }
        JsonNode totalPage = pageInfo.get("total_page");
        if (totalPage == null || !totalPage.canConvertToInt()) {
            throw bad(requestId, "TikTok's page_info has no numeric 'total_page'");
        }
        return new TikTokReportPage(List.copyOf(rows), totalPage.intValue());
    }

    private static Row row(JsonNode row, String advertiserId, String currency, String requestId) {
        JsonNode dimensions = row.path("dimensions");
        String rowAdvertiser = Json.text(dimensions, "advertiser_id");
        if (rowAdvertiser != null && !rowAdvertiser.equals(advertiserId)) {
            throw bad(requestId, "TikTok returned a row of advertiser " + rowAdvertiser + " for " + advertiserId);
        }
        LocalDate day = day(Json.text(dimensions, "stat_time_day"), requestId);
        String spendText = Json.text(row.path("metrics"), "spend");
        try {
            return new Row(day, Money.ofMajor(Json.decimal(row.path("metrics"), "spend"), currency));
        } catch (NumberFormatException | ArithmeticException e) {
            // "-" means TikTok has no value: that is not a zero we may bill on.
            throw bad(requestId, "TikTok sent spend '" + spendText + "' for " + day + ", which is not an exact amount");
        }
    }

    /** {@code stat_time_day} is a date-time ("2024-06-01 00:00:00") in the advertiser's time zone. */
    private static LocalDate day(String statTimeDay, String requestId) {
        if (statTimeDay == null || statTimeDay.length() < 10) {
            throw bad(requestId, "TikTok sent a row without a readable stat_time_day: " + statTimeDay);
        }
        try {
            return LocalDate.parse(statTimeDay.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw bad(requestId, "TikTok sent an unreadable stat_time_day: " + statTimeDay);
        }
    }

    private static ConnectorException bad(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(Platform.TIKTOK, 200, null, requestId, message));
    }
}
