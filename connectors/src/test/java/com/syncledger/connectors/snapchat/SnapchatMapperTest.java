package com.syncledger.connectors.snapchat;

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
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Snap's stats answer: exact micros on the account's local days, and nothing that is not. */
class SnapchatMapperTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final DateRange PART = DateRange.of(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 3, 11));

    private static String answer(String subStatus, String timeseries) {
        return """
                {"request_status":"SUCCESS","request_id":"rid-1","timeseries_stats":[{"sub_request_status":"%s",
                 "timeseries_stat":{"id":"x","type":"AD_ACCOUNT","granularity":"DAY","timeseries":[%s]}}]}"""
                .formatted(subStatus, timeseries);
    }

    private static String element(String start, String spend) {
        return "{\"start_time\":\"" + start + "\",\"end_time\":\"ignored\",\"stats\":{\"spend\":" + spend + "}}";
    }

    private static SpendReport read(String body) {
        SpendDays days = new SpendDays(Platform.SNAPCHAT, PART, "USD");
        SnapchatMapper.addDailySpend(Json.MAPPER.readTree(body), PART, LOS_ANGELES, "USD", days, "rid-1");
        return days.coveredAll().report();
    }

    @Test
    void dstDaysAreReadOnTheirLocalDatesInExactMicros() {
        SpendReport report = read(answer("success", String.join(",",
                element("2024-03-09T00:00:00.000-08:00", "125430000"),
                element("2024-03-10T00:00:00.000-08:00", "\"98000001\""),
                element("2024-03-11T00:00:00.000-07:00", "0"))));

        assertThat(report.days()).extracting(d -> d.spend().micros()).containsExactly(125_430_000L, 98_000_001L, 0L);
    }

    @Test
    void aLocalMidnightWrittenInUtcIsTheSameDay() {
        SpendReport report = read(answer("SUCCESS", element("2024-03-10T08:00:00.000Z", "5000000")));

        assertThat(report.days().get(1).spend().toDecimalString()).isEqualTo("5.00");
    }

    @Test
    void aDayOutsideThePartIsIgnoredAndCountedNotFatal() {
        SpendReport report = read(answer("SUCCESS", element("2024-03-12T00:00:00.000-07:00", "1")));

        assertThat(report.days()).allSatisfy(d -> assertThat(d.spend().isZero()).isTrue());
        assertThat(report.ignoredRows()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not local midnight       | SUCCESS | 2024-03-10T00:00:00.000-07:00 | 1",
            "unreadable time          | SUCCESS | 2024-03-10                    | 1",
            "fractional micros        | SUCCESS | 2024-03-10T00:00:00.000-08:00 | 12.5",
            "not a number             | SUCCESS | 2024-03-10T00:00:00.000-08:00 | \"-\"",
            "no spend                 | SUCCESS | 2024-03-10T00:00:00.000-08:00 | null",
            "failed sub-request       | ERROR   | 2024-03-10T00:00:00.000-08:00 | 1"})
    void anythingElseIsABadResponseNeverZero(String why, String subStatus, String start, String spend) {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> read(answer(subStatus, element(start, spend))));

        assertThat(error.kind()).as(why).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).isEqualTo("rid-1");
    }

    @Test
    void aDayTwiceIsABadResponse() {
        String twice = element("2024-03-10T00:00:00.000-08:00", "1") + "," + element("2024-03-10T00:00:00.000-08:00", "1");

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> read(answer("SUCCESS", twice)));

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.getMessage()).contains("twice");
    }

    @Test
    void anAnswerWithoutTimeseriesIsABadResponse() {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> read("{\"request_status\":\"SUCCESS\",\"request_id\":\"rid-1\",\"timeseries_stats\":[]}"));

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
    }

    @Test
    void localMidnightKeepsTheOffsetOfThatDate() {
        assertThat(SnapchatMapper.startOfDay(LocalDate.of(2024, 3, 10), LOS_ANGELES))
                .isEqualTo("2024-03-10T00:00:00.000-08:00");
        assertThat(SnapchatMapper.startOfDay(LocalDate.of(2024, 3, 11), LOS_ANGELES))
                .isEqualTo("2024-03-11T00:00:00.000-07:00");
        // Santiago's spring-forward skips midnight itself: the day starts at 01:00.
        assertThat(SnapchatMapper.startOfDay(LocalDate.of(2024, 9, 8), ZoneId.of("America/Santiago")))
                .isEqualTo("2024-09-08T01:00:00.000-03:00");
    }
}
