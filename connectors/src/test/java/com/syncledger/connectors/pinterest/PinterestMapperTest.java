package com.syncledger.connectors.pinterest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.SpendDays;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Pinterest's bare-array analytics: exact micros, left-out days and columns, nothing invented. */
class PinterestMapperTest {

    private static final DateRange PART = DateRange.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3));
    private static final String ACCOUNT = "547602124502";

    private static SpendReport read(String body) {
        SpendDays days = new SpendDays(Platform.PINTEREST, PART, "GBP");
        PinterestMapper.addDailySpend(Json.MAPPER.readTree(body), ACCOUNT, PART, "GBP", days, "rid-1");
        // The connector vouches for the whole part: Pinterest leaves out days without delivery.
        return days.coveredAll().report();
    }

    @Test
    void aDayOutsideThePartIsIgnoredAndCountedNotFatal() {
        SpendReport report = read("[{\"DATE\":\"2026-10-04\",\"SPEND_IN_MICRO_DOLLAR\":1}]");

        assertThat(report.days()).allSatisfy(d -> assertThat(d.spend().isZero()).isTrue());
        assertThat(report.ignoredRows()).isEqualTo(1);
    }

    @Test
    void leftOutDaysAndLeftOutColumnsAreZero() {
        SpendReport report = read("""
                [{"DATE":"2026-10-01","AD_ACCOUNT_ID":"547602124502","SPEND_IN_MICRO_DOLLAR":30250000,"SPEND_IN_DOLLAR":30.25},
                 {"DATE":"2026-10-03","AD_ACCOUNT_ID":"547602124502"}]""");

        assertThat(report.days()).extracting(d -> d.spend().toDecimalString()).containsExactly("30.25", "0.00", "0.00");
        assertThat(report.days()).allSatisfy(d -> assertThat(d.spend().currency()).isEqualTo("GBP"));
    }

    @Test
    void anEmptyArrayIsThreeZeroDays() {
        assertThat(read("[]").days()).allSatisfy(d -> assertThat(d.spend().isZero()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an array       | {\"items\":[],\"bookmark\":null}",
            "no DATE            | [{\"AD_ACCOUNT_ID\":\"547602124502\",\"SPEND_IN_MICRO_DOLLAR\":1}]",
            "another account    | [{\"DATE\":\"2026-10-01\",\"AD_ACCOUNT_ID\":\"1\",\"SPEND_IN_MICRO_DOLLAR\":1}]",
            "fractional micros  | [{\"DATE\":\"2026-10-01\",\"SPEND_IN_MICRO_DOLLAR\":1.5}]",
            "not a number       | [{\"DATE\":\"2026-10-01\",\"SPEND_IN_MICRO_DOLLAR\":\"n/a\"}]",
            "a day twice        | [{\"DATE\":\"2026-10-01\",\"SPEND_IN_MICRO_DOLLAR\":1},{\"DATE\":\"2026-10-01\",\"SPEND_IN_MICRO_DOLLAR\":1}]"})
    void anythingElseIsABadResponseNeverZero(String why, String body) {
        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> read(body));

        assertThat(error.kind()).as(why).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).isEqualTo("rid-1");
    }
}
