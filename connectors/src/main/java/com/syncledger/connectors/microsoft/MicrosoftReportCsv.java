package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a downloaded report: a ZIP whose first entry is a UTF-8 CSV (maybe with a byte-order mark). The
 * CSV may start with a header block of single-field {@code "Key: value"} lines, has one column row and
 * quoted data rows, and may end with a {@code "Total"} row and a {@code "©2026 Microsoft Corporation. All
 * rights reserved."} footer; blank lines separate the parts. Columns are found by name. Anything else is a
 * bad response, never a zero.
 */
final class MicrosoftReportCsv {

    /** One data row. {@code accountId} and {@code currency} are null when the column is absent. */
    record Row(LocalDate day, String accountId, String currency, BigDecimal spend) {
    }

    /** A whole report: its header block ({@code "Time Zone"} to its value; empty when excluded) and rows. */
    record Report(Map<String, String> header, List<Row> rows) {
    }

    private static final Platform PLATFORM = Platform.MICROSOFT;
    private static final int MAX_CSV_BYTES = 256 * 1024 * 1024;
    private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z ]*:.*", Pattern.DOTALL);
    private static final Pattern FOOTER = Pattern.compile("(?is).*Microsoft Corporation.*rights reserved.*");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    // FormatVersion 2.0 should not group thousands; whether Spend is ever grouped is not documented, so a
    // correctly grouped amount ("1,234.56") is accepted. Anything else with a comma ("1234,56") is refused.
    private static final Pattern GROUPED_NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US).withResolverStyle(ResolverStyle.STRICT);

    private MicrosoftReportCsv() {
    }

    /** The rows of a downloaded report ZIP. */
    static List<Row> parse(byte[] zip, String requestId) {
        return read(zip, requestId).rows();
    }

    /** The header block and rows of a downloaded report ZIP. */
    static Report read(byte[] zip, String requestId) {
        return readCsv(firstEntryText(zip, requestId), requestId);
    }

    /** The rows of the CSV text. */
    static List<Row> parseCsv(String text, String requestId) {
        return readCsv(text, requestId).rows();
    }

    static Report readCsv(String text, String requestId) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = records(csv, requestId);
        Map<String, Integer> columns = null;
        Map<String, String> header = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (List<String> record : records) {
            if (isBlank(record)) {
                continue;
            }
            if (columns == null) {
                if (record.stream().anyMatch(field -> field.trim().equals("Spend"))) {
                    columns = columns(record, requestId);
                } else if (isHeaderLine(record)) {
                    String line = record.get(0).trim();
                    int colon = line.indexOf(':');
                    header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                } else if (!isFooter(record)) {
                    throw bad(requestId, "report has a line before its column row that is not a header line");
                }
                continue;
            }
            if (isFooter(record) || isTotal(record, columns)) {
                continue;
            }
            if (record.size() != columns.size()) {
                throw bad(requestId, "report row has " + record.size() + " fields, the column row " + columns.size());
            }
            rows.add(row(record, columns, requestId));
        }
        return new Report(Map.copyOf(header), List.copyOf(rows));
    }

    private static Map<String, Integer> columns(List<String> record, String requestId) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            if (columns.put(record.get(i).trim(), i) != null) {
                throw bad(requestId, "report has the column " + record.get(i).trim() + " twice");
            }
        }
        if (!columns.containsKey("TimePeriod")) {
            // Without TimePeriod the service sums the whole range into one row: useless for daily spend.
            throw bad(requestId, "report has no TimePeriod column, so it is not a daily report");
        }
        return columns;
    }

    private static Row row(List<String> record, Map<String, Integer> columns, String requestId) {
        String period = field(record, columns, "TimePeriod");
        String spend = field(record, columns, "Spend");
        return new Row(day(period, requestId), field(record, columns, "AccountId"),
                field(record, columns, "CurrencyCode"), amount(spend, requestId));
    }

    private static String field(List<String> record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? null : record.get(index).trim();
    }

    /** Daily TimePeriod is {@code yyyy-mm-dd}; the US {@code M/d/yyyy} of the header block is accepted too. */
    private static LocalDate day(String text, String requestId) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(text, US_DATE);
            } catch (DateTimeParseException notUs) {
                throw bad(requestId, "report has an unreadable TimePeriod '" + printable(text) + "'");
            }
        }
    }

    private static BigDecimal amount(String text, String requestId) {
        String number = GROUPED_NUMBER.matcher(text).matches() ? text.replace(",", "") : text;
        if (!PLAIN_NUMBER.matcher(number).matches()) {
            throw bad(requestId, "report has an unreadable Spend '" + printable(text) + "'");
        }
        return new BigDecimal(number);
    }

    private static boolean isBlank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static boolean isHeaderLine(List<String> record) {
        return record.size() == 1 && HEADER_LINE.matcher(record.get(0).trim()).matches();
    }

    private static boolean isFooter(List<String> record) {
        return record.size() == 1 && FOOTER.matcher(record.get(0)).matches();
    }

    /** The SDK skips rows whose first field is "Total"; so do we, and rows whose TimePeriod is "Total". */
    private static boolean isTotal(List<String> record, Map<String, Integer> columns) {
        return record.get(0).trim().equalsIgnoreCase("Total")
                || record.size() > columns.get("TimePeriod")
                        && record.get(columns.get("TimePeriod")).trim().equalsIgnoreCase("Total");
    }

    /**
     * RFC 4180 records: comma-separated, optionally quoted fields, {@code ""} inside quotes, CRLF or LF. Fields
     * keep their spaces; blank lines stay as records, which {@link #parseCsv} skips.
     */
    private static List<List<String>> records(String csv, String requestId) {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw bad(requestId, "report is not readable CSV: " + e.getMessage());
        }
    }

    private static String firstEntryText(byte[] zip, String requestId) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                throw bad(requestId, "report download is not a ZIP archive with a file in it");
            }
            byte[] bytes = in.readNBytes(MAX_CSV_BYTES);
            if (in.read() != -1) {
                throw bad(requestId, "report file is larger than " + MAX_CSV_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad(requestId, "report file is not UTF-8");
        } catch (IOException e) {
            throw bad(requestId, "report download is not a readable ZIP archive: " + e.getMessage());
        }
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }

    private static ConnectorException.BadResponse bad(String requestId, String message) {
        return new ConnectorException.BadResponse(
                new Details(PLATFORM, 200, null, requestId, PLATFORM.displayName() + " " + message));
    }
}
