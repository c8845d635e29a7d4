package com.syncledger.connectors.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.microsoft.MicrosoftReportCsv.Row;
import com.syncledger.connectors.spi.ConnectorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report file variants the Reporting service writes, and what must never become a number. */
class MicrosoftReportCsvTest {

    private static final String BOM = "\uFEFF";
    private static final String HEADER_BLOCK = """
            "Report Name: daily-spend"
            "Report Time: 1/1/2026, 1/31/2026"
            "Time Zone: (GMT-08:00) Pacific Time (US & Canada); Tijuana"
            "Last Completed Available Day: 2/1/2026 10:15:00 PM (GMT)"
            "Last Completed Available Hour: 2/1/2026 10:15:00 PM (GMT)"
            "Report Aggregation: Daily"
            "Report Filter: "
            "Potential Incomplete Data: false"
            "Rows: 2"

            """;
    private static final String TABLE = """
            "TimePeriod","AccountId","CurrencyCode","Spend"
            "2026-01-01","250253143","USD","123.45"
            "2026-01-02","250253143","USD","98.10"
            """;
    private static final String FOOTER = """

            "©2026 Microsoft Corporation. All rights reserved. "
            """;
    private static final List<Row> EXPECTED = List.of(
            new Row(LocalDate.of(2026, 1, 1), "250253143", "USD", new BigDecimal("123.45")),
            new Row(LocalDate.of(2026, 1, 2), "250253143", "USD", new BigDecimal("98.10")));

    @Test
    void headerBlockFooterAndByteOrderMarkWithCrlf() {
        String csv = BOM + (HEADER_BLOCK + TABLE + FOOTER).replace("\n", "\r\n");
        assertThat(MicrosoftReportCsv.parse(zip(csv), "t-1")).isEqualTo(EXPECTED);
    }

    @Test
    void withoutHeaderBlockFooterOrByteOrderMark() {
        assertThat(MicrosoftReportCsv.parseCsv(TABLE, "t-1")).isEqualTo(EXPECTED);
    }

    @Test
    void headerBlockWithoutFooterAndFooterWithoutHeaderBlock() {
        assertThat(MicrosoftReportCsv.parseCsv(BOM + HEADER_BLOCK + TABLE, "t-1")).isEqualTo(EXPECTED);
        assertThat(MicrosoftReportCsv.parseCsv(TABLE + FOOTER, "t-1")).isEqualTo(EXPECTED);
    }

    @Test
    void theDocumentedAtSignFooterIsAFooterToo() {
        String csv = TABLE + "\n\"@2020 Microsoft Corporation. All rights reserved. \"\n";
        assertThat(MicrosoftReportCsv.parseCsv(csv, "t-1")).isEqualTo(EXPECTED);
    }

    @Test
    void totalRowsAreSkippedNotAdded() {
        String csv = TABLE + "\"Total\",\"\",\"\",\"221.55\"\n" + FOOTER;
        assertThat(MicrosoftReportCsv.parseCsv(csv, "t-1")).isEqualTo(EXPECTED);
        String totalInAnotherColumn = """
                "AccountId","TimePeriod","Spend"
                "250253143","2026-01-01","5.00"
                "","Total","5.00"
                """;
        assertThat(MicrosoftReportCsv.parseCsv(totalInAnotherColumn, "t-1"))
                .containsExactly(new Row(LocalDate.of(2026, 1, 1), "250253143", null, new BigDecimal("5.00")));
    }

    @Test
    void quotedAmountsWithThousandsSeparatorsAreExact() {
        String csv = """
                "TimePeriod","AccountId","CurrencyCode","Spend"
                "2026-01-01","250253143","USD","1,234,567.89"
                "2026-01-02","250253143","JPY","12,000"
                """;
        assertThat(MicrosoftReportCsv.parseCsv(csv, "t-1")).extracting(Row::spend)
                .containsExactly(new BigDecimal("1234567.89"), new BigDecimal("12000"));
    }

    @Test
    void columnsAreFoundByNameAndQuotedFieldsMayHoldCommasAndQuotes() {
        String csv = """
                "Spend","AccountName","TimePeriod"
                "7.50","Shop ""North"", Inc.","2026-03-29"
                """;
        assertThat(MicrosoftReportCsv.parseCsv(csv, "t-1"))
                .containsExactly(new Row(LocalDate.of(2026, 3, 29), null, null, new BigDecimal("7.50")));
    }

    @Test
    void headerAndFooterWithoutRowsAreNoRows() {
        assertThat(MicrosoftReportCsv.parseCsv(BOM + HEADER_BLOCK + "\"TimePeriod\",\"Spend\"\n" + FOOTER, "t-1"))
                .isEmpty();
        assertThat(MicrosoftReportCsv.parseCsv(BOM + HEADER_BLOCK + FOOTER, "t-1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--", "1234,56", "1,23.45", "12.3.4", "N/A", "1 234.56"})
    void anUnreadableSpendIsABadResponseNeverZero(String spend) {
        String csv = "\"TimePeriod\",\"Spend\"\n\"2026-01-01\",\"" + spend + "\"\n";
        ConnectorException error = badResponse(csv);
        assertThat(error.requestId()).isEqualTo("t-1");
    }

    @Test
    void aSummaryReportWithoutTimePeriodIsRefused() {
        assertThat(badResponse("\"AccountId\",\"Spend\"\n\"250253143\",\"221.55\"\n").getMessage())
                .contains("TimePeriod");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefused() {
        badResponse("\"TimePeriod\",\"Spend\"\n\"2026-01-01\",\"1.00\",\"extra\"\n");
    }

    @Test
    void dataWithoutAColumnRowIsRefused() {
        badResponse("\"2026-01-01\",\"250253143\",\"USD\",\"1.00\"\n");
    }

    @Test
    void anUnreadableDayIsRefused() {
        badResponse("\"TimePeriod\",\"Spend\"\n\"2026-02-30\",\"1.00\"\n");
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        badResponse("\"TimePeriod\",\"Spend\"\n\"2026-01-01\",\"1.00\n");
    }

    @Test
    void aDownloadThatIsNotAZipIsRefused() {
        ConnectorException error = catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> MicrosoftReportCsv.parse("<html>expired</html>".getBytes(StandardCharsets.UTF_8), "t-9"));
        assertThat(error).isNotNull();
        assertThat(error.requestId()).isEqualTo("t-9");
    }

    private static ConnectorException badResponse(String csv) {
        ConnectorException error = catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> MicrosoftReportCsv.parseCsv(csv, "t-1"));
        assertThat(error).as("expected a bad response for %s", csv).isNotNull();
        return error;
    }

    static byte[] zip(String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("4865212374.csv"));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
