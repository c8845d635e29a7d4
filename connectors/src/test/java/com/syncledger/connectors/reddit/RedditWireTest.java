package com.syncledger.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.reddit.RedditWire.Row;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.wire.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Reddit's answers: exact micros, lenient account fields, and nothing unreadable turned into zero. */
class RedditWireTest {

    @Test
    void readsRowsAndTheNextUrl() {
        RedditWire.Page page = RedditWire.reportPage(Json.MAPPER.readTree("""
                {"data":{"metrics":[{"date":"2026-03-01","spend":12340000},{"date":"2026-03-02","spend":"7"}]},
                 "pagination":{"next_url":"https://ads-api.reddit.com/api/v3/ad_accounts/a2_x/reports?page.token=abc"}}
                """), "EUR", "r1");
        assertThat(page.rows()).containsExactly(
                new Row(LocalDate.parse("2026-03-01"), Money.ofMicros(12_340_000L, "EUR")),
                new Row(LocalDate.parse("2026-03-02"), Money.ofMicros(7L, "EUR")));
        assertThat(page.nextUrl()).endsWith("page.token=abc");
    }

    @Test
    void aNullOrMissingNextUrlEndsThePaging() {
        assertThat(RedditWire.reportPage(Json.MAPPER.readTree(
                "{\"data\":{\"metrics\":[]},\"pagination\":{\"next_url\":null}}"), "USD", null).nextUrl()).isNull();
        assertThat(RedditWire.reportPage(Json.MAPPER.readTree("{\"data\":{\"metrics\":[]}}"), "USD", null).nextUrl())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"rows\":[]}}",
            "{\"data\":{\"metrics\":{}}}",
            "{\"data\":{\"metrics\":[{\"date\":\"2026-03-01\",\"spend\":12.5}]}}",
            "{\"data\":{\"metrics\":[{\"date\":\"2026-03-01\",\"spend\":null}]}}",
            "{\"data\":{\"metrics\":[{\"date\":\"2026-03-01\"}]}}",
            "{\"data\":{\"metrics\":[{\"date\":\"03/01/2026\",\"spend\":1}]}}",
            "{\"data\":{\"metrics\":[{\"spend\":1}]}}",
            "{\"data\":{\"metrics\":[{\"date\":\"2026-03-01\",\"spend\":\"-\"}]}}"})
    void anUnreadableReportIsABadResponse(String body) {
        ConnectorException error = catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> RedditWire.reportPage(Json.MAPPER.readTree(body), "USD", "r9"));
        assertThat(error).isNotNull();
        assertThat(error.requestId()).isEqualTo("r9");
    }

    @Test
    void aRowInAnotherCurrencyKeepsThatCurrencySoItIsRejectedLater() {
        RedditWire.Page page = RedditWire.reportPage(Json.MAPPER.readTree(
                "{\"data\":{\"metrics\":[{\"date\":\"2026-03-01\",\"spend\":5,\"currency\":\"USD\"}]}}"), "EUR", null);
        assertThat(page.rows().get(0).spend().currency()).isEqualTo("USD");
    }

    @Test
    void accountInfoReadsTheDocumentedAndTheLikelyAlternativeFieldNames() {
        assertThat(RedditWire.accountInfo(Json.MAPPER.readTree(
                "{\"data\":{\"id\":\"a2_x\",\"name\":\"Shop\",\"currency\":\"usd\",\"time_zone_id\":\"America/Los_Angeles\"}}"),
                null)).isEqualTo(new AccountInfo("USD", ZoneId.of("America/Los_Angeles"), "Shop"));
        assertThat(RedditWire.accountInfo(Json.MAPPER.readTree(
                "{\"data\":{\"currency_code\":\"EUR\",\"timezone\":\"Europe/Berlin\"}}"), null))
                .isEqualTo(new AccountInfo("EUR", ZoneId.of("Europe/Berlin"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"time_zone_id\":\"Europe/Berlin\"}}",
            "{\"data\":{\"currency\":\"EUR\"}}",
            "{\"data\":{\"currency\":\"EURO\",\"time_zone_id\":\"Europe/Berlin\"}}",
            "{\"data\":{\"currency\":\"EUR\",\"time_zone_id\":\"Mars/Olympus\"}}",
            "{\"rows\":[]}"})
    void anUnreadableAccountIsABadResponse(String body) {
        assertThat(catchThrowableOfType(ConnectorException.BadResponse.class,
                () -> RedditWire.accountInfo(Json.MAPPER.readTree(body), "r2"))).isNotNull();
    }
}
