package com.syncledger.sandbox.microsoft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A downloadable report as the Reporting service writes it: a ZIP holding one UTF-8 CSV with a byte-order
 * mark, an optional header block of quoted {@code "Key: value"} lines, the column row, quoted data rows
 * and an optional copyright footer, separated by blank lines.
 */
final class ReportFile {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    /** What the request asked to leave out (the {@code Exclude*} flags) and what the fake adds on purpose. */
    record Layout(boolean header, boolean columnHeaders, boolean footer, boolean totalRow) {
    }

    /** The report's description for the header block. */
    record Header(String reportName, LocalDate start, LocalDate end, String timeZone, String aggregation) {
    }

    private ReportFile() {
    }

    /** The CSV text; {@code totalRow} is the row the fake writes when the layout asks for a "Total" row. */
    static String csv(Header header, Layout layout, List<String> columns, List<List<String>> rows,
            List<String> totalRow) {
        StringBuilder out = new StringBuilder("\uFEFF");
        if (layout.header()) {
            LocalDateTime completed = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
            line(out, List.of("Report Name: " + header.reportName()));
            line(out, List.of("Report Time: " + US_DATE.format(header.start()) + ", " + US_DATE.format(header.end())));
            line(out, List.of("Time Zone: " + header.timeZone()));
            line(out, List.of("Last Completed Available Day: " + US_DATE_TIME.format(completed) + " (GMT)"));
            line(out, List.of("Last Completed Available Hour: " + US_DATE_TIME.format(completed) + " (GMT)"));
            line(out, List.of("Report Aggregation: " + header.aggregation()));
            line(out, List.of("Report Filter: "));
            line(out, List.of("Potential Incomplete Data: false"));
            line(out, List.of("Rows: " + rows.size()));
            out.append("\r\n");
        }
        if (layout.columnHeaders()) {
            line(out, columns);
        }
        rows.forEach(row -> line(out, row));
        if (layout.totalRow()) {
            line(out, totalRow);
        }
        if (layout.footer()) {
            out.append("\r\n");
            line(out, List.of("\u00A9" + LocalDate.now(ZoneOffset.UTC).getYear()
                    + " Microsoft Corporation. All rights reserved. "));
        }
        return out.toString();
    }

    /** One ZIP entry holding {@code csv} in UTF-8. */
    static byte[] zip(String entryName, String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(fields.stream()
                .map(field -> "\"" + field.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",")));
        out.append("\r\n");
    }
}
