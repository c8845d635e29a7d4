package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a downloaded {@code GZIP_JSON} report: a gzipped JSON array of flat rows such as
 * {@code {"date":"2024-06-01","campaignId":123456789012345,"cost":41.87,"campaignBudgetCurrencyCode":"USD"}}.
 * {@code cost} is a JSON number, read exactly. The file is gunzipped by its magic bytes, never trusting a
 * {@code Content-Encoding} header. Anything unreadable is a bad response, never zero.
 */
final class ReportFile {

    /** One campaign's cost on one profile-local day. */
    record CostRow(LocalDate date, Money cost) {
    }

    private static final Platform AMAZON = Platform.AMAZON;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private ReportFile() {
    }

    /**
     * The rows of report {@code reportId}, which covered {@code range}.
     *
     * @param requestId the download's request id, for errors
     * @param currency the profile's currency, for rows without {@code campaignBudgetCurrencyCode}
     */
    static List<CostRow> read(byte[] file, String reportId, String requestId, DateRange range, String currency) {
        Problem bad = (problem, cause) -> new ConnectorException.BadResponse(new Details(AMAZON, 200, null, requestId,
                "Amazon Ads report " + reportId + " " + problem), cause);
        JsonNode rows = parse(file, bad);
        if (!rows.isArray()) {
            throw bad.of("is not a JSON array of rows", null);
        }
        List<CostRow> result = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            result.add(row(row, bad, range, currency));
        }
        return result;
    }

    private static CostRow row(JsonNode row, Problem bad, DateRange range, String currency) {
        if (!row.isObject()) {
            throw bad.of("has a row that is not an object", null);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(Json.text(row, "date")));
        } catch (DateTimeParseException e) {
            throw bad.of("has a row without a readable date", e);
        }
        String rowCurrency = Json.text(row, "campaignBudgetCurrencyCode");
        try {
            BigDecimal cost = Json.decimal(row, "cost");
            return new CostRow(date, Money.ofMajor(cost, rowCurrency == null ? currency : rowCurrency));
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad.of("has an unreadable cost on " + date + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw bad.of("has an unknown currency on " + date, e);
        }
    }

    private static JsonNode parse(byte[] file, Problem bad) {
        byte[] json = file;
        if (gzipped(file)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
                json = in.readAllBytes();
            } catch (IOException e) {
                throw bad.of("is not a readable gzip file", e);
            }
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw bad.of("is not JSON", e);
        }
        if (node == null || node.isMissingNode()) {
            throw bad.of("is empty", null);
        }
        return node;
    }

    private static boolean gzipped(byte[] file) {
        return file.length >= 2 && (file[0] & 0xff) == GZIP_MAGIC_1 && (file[1] & 0xff) == GZIP_MAGIC_2;
    }

    /** Builds the bad-response error of one report file. */
    @FunctionalInterface
    private interface Problem {
        ConnectorException.BadResponse of(String problem, Throwable cause);
    }
}
