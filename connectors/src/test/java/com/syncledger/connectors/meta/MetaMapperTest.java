package com.syncledger.connectors.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.wire.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading insights pages: exact amounts, and anything unreadable refused rather than read as zero. */
class MetaMapperTest {

    private static MetaMapper.InsightsPage page(String json) {
        return MetaMapper.insightsPage(Json.MAPPER.readTree(json), "EUR", "trace-1");
    }

    @Test
    void readsVariablePrecisionSpendExactly() {
        MetaMapper.InsightsPage page = page("""
                {"data":[{"spend":"5339.5","account_currency":"EUR","date_start":"2026-01-01","date_stop":"2026-01-01"},
                         {"spend":"17","date_start":"2026-01-02","date_stop":"2026-01-02"},
                         {"spend":"0.123456","date_start":"2026-01-03","date_stop":"2026-01-03"}],
                 "paging":{"cursors":{"before":"a","after":"b"},"next":"https://graph.facebook.com/v26.0/act_1/insights?after=b"}}
                """);
        assertThat(page.rows()).containsExactly(
                new MetaMapper.DailyRow(LocalDate.parse("2026-01-01"), Money.ofMicros(5_339_500_000L, "EUR")),
                new MetaMapper.DailyRow(LocalDate.parse("2026-01-02"), Money.ofMicros(17_000_000L, "EUR")),
                new MetaMapper.DailyRow(LocalDate.parse("2026-01-03"), Money.ofMicros(123_456L, "EUR")));
        assertThat(page.next()).endsWith("after=b");
    }

    @Test
    void theLastPageHasNoNext() {
        assertThat(page("{\"data\":[],\"paging\":{\"cursors\":{}}}").next()).isNull();
        assertThat(page("{\"data\":[]}").rows()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"paging\":{}}",
        "{\"data\":{}}",
        "{\"data\":[{\"spend\":\"-\",\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}]}",
        "{\"data\":[{\"spend\":\"\",\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}]}",
        "{\"data\":[{\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}]}",
        "{\"data\":[{\"spend\":\"1.0000001\",\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}]}",
        "{\"data\":[{\"spend\":\"12\",\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-31\"}]}",
        "{\"data\":[{\"spend\":\"12\",\"date_start\":\"01/01/2026\",\"date_stop\":\"01/01/2026\"}]}",
        "{\"data\":[{\"spend\":\"12\",\"account_currency\":\"XYZ\",\"date_start\":\"2026-01-01\",\"date_stop\":\"2026-01-01\"}]}"
    })
    void unreadableAnswersAreBadResponses(String json) {
        assertThatThrownBy(() -> page(json))
                .isInstanceOf(ConnectorException.BadResponse.class)
                .satisfies(e -> assertThat(((ConnectorException) e).requestId()).isEqualTo("trace-1"));
    }

    @Test
    void anAccountWithoutACurrencyOrAKnownTimeZoneIsABadResponse() {
        assertThatThrownBy(() -> MetaMapper.accountInfo(Json.MAPPER.readTree("{\"timezone_name\":\"UTC\"}"), "t"))
                .isInstanceOf(ConnectorException.BadResponse.class);
        assertThatThrownBy(() -> MetaMapper.accountInfo(
                Json.MAPPER.readTree("{\"currency\":\"USD\",\"timezone_name\":\"Mars/Olympus\"}"), "t"))
                .isInstanceOf(ConnectorException.BadResponse.class);
    }
}
