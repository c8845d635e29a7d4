package com.syncledger.connectors.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.SpendDays;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading searchStream answers: exact micros, empty streams, and anything unreadable refused. */
class GoogleAdsMapperTest {

    private static final AccountInfo JPY = new AccountInfo("JPY", ZoneId.of("Asia/Tokyo"), "Tokyo");
    private static final DateRange RANGE = DateRange.parse("2026-01-01", "2026-01-03");

    private static GoogleAdsMapper.StreamRows rows(String json) {
        return GoogleAdsMapper.rows(Json.MAPPER.readTree(json), GoogleAdsErrorsTest.response(200, json, Map.of()), "r-1");
    }

    private static SpendDays spend(String json) {
        SpendDays days = new SpendDays(Platform.GOOGLE, RANGE, "JPY");
        GoogleAdsMapper.addSpend(rows(json), JPY, days);
        // The connector vouches for the queried range: Google leaves out rows whose metrics are all zero.
        return days.coveredAll();
    }

    private static String row(String date, String micros) {
        return "{\"customer\":{\"resourceName\":\"customers/1\",\"currencyCode\":\"JPY\",\"timeZone\":\"Asia/Tokyo\"},"
                + "\"segments\":{\"date\":\"" + date + "\"},\"metrics\":"
                + (micros == null ? "{}" : "{\"costMicros\":\"" + micros + "\"}") + "}";
    }

    @Test
    void microsAreExactAndBatchesAreJoined() {
        var report = spend("[{\"results\":[" + row("2026-01-01", "1235000000") + "]},{\"results\":["
                + row("2026-01-03", "1") + "," + row("2026-01-03", null) + "]}]").report();
        assertThat(report.days()).extracting(d -> d.spend()).containsExactly(
                Money.ofMicros(1_235_000_000L, "JPY"), Money.zero("JPY"), Money.ofMicros(1, "JPY"));
    }

    @Test
    void aDayOutsideTheRangeIsIgnoredAndCountedNotFatal() {
        var report = spend("[{\"results\":[" + row("2026-01-09", "1") + "]}]").report();
        assertThat(report.days()).allSatisfy(d -> assertThat(d.spend().isZero()).isTrue());
        assertThat(report.ignoredRows()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"fieldMask\":\"segments.date\"}]", "[{\"results\":[]}]"})
    void anEmptyStreamIsZeroSpend(String json) {
        assertThat(spend(json).report().total("JPY")).isEqualTo(Money.zero("JPY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"results\":[]}",
        "[\"batch\"]",
        "[{\"results\":{}}]",
        "[{\"results\":[{\"segments\":{\"date\":\"2026-01-01\"},\"metrics\":{\"costMicros\":\"12.5\"}}]}]",
        "[{\"results\":[{\"segments\":{\"date\":\"2026-01-01\"},\"metrics\":{\"costMicros\":\"-\"}}]}]",
        "[{\"results\":[{\"segments\":{},\"metrics\":{\"costMicros\":\"1\"}}]}]",
        "[{\"results\":[{\"customer\":{\"currencyCode\":\"USD\"},\"segments\":{\"date\":\"2026-01-01\"},"
                + "\"metrics\":{\"costMicros\":\"1\"}}]}]",
        "[{\"results\":[{\"customer\":{\"timeZone\":\"UTC\"},\"segments\":{\"date\":\"2026-01-01\"},"
                + "\"metrics\":{\"costMicros\":\"1\"}}]}]"
    })
    void unreadableOrForeignRowsAreBadResponses(String json) {
        assertThatThrownBy(() -> spend(json)).isInstanceOf(ConnectorException.BadResponse.class);
    }

    @Test
    void anErrorPartWayThroughTheStreamIsThrownNotTruncated() {
        String json = "[{\"results\":[" + row("2026-01-01", "5") + "]},{\"error\":{\"code\":429,"
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"message\":\"quota\"}}]";
        assertThatThrownBy(() -> spend(json)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    }

    @Test
    void accountInfoIsTheSingleCustomerRow() {
        var info = GoogleAdsMapper.accountInfo(rows("[{\"results\":[{\"customer\":{\"id\":\"1\","
                + "\"descriptiveName\":\"Tokyo\",\"currencyCode\":\"JPY\",\"timeZone\":\"Asia/Tokyo\"}}]}]"));
        assertThat(info).isEqualTo(JPY);
        assertThatThrownBy(() -> GoogleAdsMapper.accountInfo(rows("[]")))
                .isInstanceOf(ConnectorException.BadResponse.class);
        assertThatThrownBy(() -> GoogleAdsMapper.accountInfo(rows("[{\"results\":[{\"customer\":{\"currencyCode\":"
                + "\"JPY\",\"timeZone\":\"Tokyo/Nowhere\"}}]}]"))).isInstanceOf(ConnectorException.BadResponse.class);
    }

    @Test
    void theRequestIdFallsBackToTheBatches() {
        String json = "[{\"results\":[],\"requestId\":\"batch-req\"}]";
        var stream = GoogleAdsMapper.rows(Json.MAPPER.readTree(json), GoogleAdsErrorsTest.response(200, json, Map.of()),
                null);
        assertThat(stream.requestId()).isEqualTo("batch-req");
    }
}
