package com.syncledger.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.amazon.ReportFile.CostRow;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the gzipped JSON report files: exact numbers, gzip detected by its magic bytes, nothing turned into zero. */
class ReportFileTest {

    private static final DateRange JUNE = DateRange.of(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30"));

    @Test
    void costsAreExactJsonNumbersAndLargeIdsDoNotMatter() {
        byte[] file = gzip("""
                [{"date":"2024-06-01","campaignId":9007199254740993,"cost":41.87,"campaignBudgetCurrencyCode":"USD"},
                 {"date":"2024-06-01","campaignId":223456789012345,"cost":0.1,"campaignBudgetCurrencyCode":"USD"},
                 {"date":"2024-06-02","campaignId":123456789012345,"cost":12345678901.23,"campaignBudgetCurrencyCode":"USD"},
                 {"date":"2024-06-03","campaignId":123456789012345,"cost":1E+2,"campaignBudgetCurrencyCode":"USD"}]
                """);

        List<CostRow> rows = ReportFile.read(file, "r-1", "s3-1", JUNE, "USD");

        assertThat(rows).containsExactly(
                row("2024-06-01", "41.87", "USD"),
                row("2024-06-01", "0.10", "USD"),
                row("2024-06-02", "12345678901.23", "USD"),
                row("2024-06-03", "100", "USD"));
    }

    @Test
    void anEmptyReportIsNoRows() {
        byte[] file = gzip("[]");

        assertThat(file).hasSize(22); // the fileSize of an empty report in Amazon's own example
        assertThat(ReportFile.read(file, "r-1", null, JUNE, "USD")).isEmpty();
    }

    @Test
    void aFileServedAlreadyDecompressedIsReadToo() {
        byte[] plain = "[{\"date\":\"2024-06-05\",\"cost\":7.02}]".getBytes(StandardCharsets.UTF_8);

        assertThat(ReportFile.read(plain, "r-1", null, JUNE, "EUR")).containsExactly(row("2024-06-05", "7.02", "EUR"));
    }

    @Test
    void rowsWithoutABudgetCurrencyAreInTheProfileCurrency() {
        byte[] file = gzip("[{\"date\":\"2024-06-05\",\"campaignId\":1,\"cost\":1200}]");

        assertThat(ReportFile.read(file, "r-1", null, JUNE, "JPY")).containsExactly(row("2024-06-05", "1200", "JPY"));
    }

    @Test
    void aRowOutsideTheReportsRangeIsReadForTheCallerToIgnore() {
        byte[] file = gzip("[{\"date\":\"2024-07-01\",\"campaignId\":1,\"cost\":1.5}]");

        assertThat(ReportFile.read(file, "r-1", null, JUNE, "USD")).containsExactly(row("2024-07-01", "1.5", "USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"date\":\"2024-06-05\",\"cost\":1}",                            // not an array
            "[{\"date\":\"2024-06-05\"}]",                                     // no cost
            "[{\"date\":\"2024-06-05\",\"cost\":null}]",                       // null cost
            "[{\"date\":\"2024-06-05\",\"cost\":\"-\"}]",                      // unreadable cost
            "[{\"date\":\"2024-06-05\",\"cost\":0.0000001}]",                  // beyond micros
            "[{\"cost\":1.5}]",                                                // no date
            "[{\"date\":\"06/05/2024\",\"cost\":1.5}]",                        // not an ISO date
            "[{\"date\":\"2024-06-05\",\"cost\":1.5,\"campaignBudgetCurrencyCode\":\"XYZ1\"}]", // unknown currency
            "[1.5]",                                                           // a row that is not an object
            "[{\"date\":\"2024-06-05\",\"cost\":1.5}",                         // truncated
            ""                                                                 // empty
    })
    void anythingUnreadableIsABadResponse(String content) {
        ConnectorException.BadResponse error = catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> ReportFile.read(gzip(content), "r-7", "s3-7", JUNE, "USD"));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("r-7");
        assertThat(error.requestId()).isEqualTo("s3-7");
    }

    @Test
    void aCorruptGzipFileIsABadResponse() {
        byte[] file = gzip("[{\"date\":\"2024-06-05\",\"cost\":1.5}]");
        byte[] truncated = Arrays.copyOf(file, file.length / 2);

        assertThat(catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> ReportFile.read(truncated, "r-1", null, JUNE, "USD"))).isNotNull();
    }

    private static CostRow row(String date, String cost, String currency) {
        return new CostRow(LocalDate.parse(date), Money.parseMajor(cost, currency));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
