package com.syncledger.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The report window: local midnights as on-the-hour UTC instants, widened only where midnight is off the hour. */
class RedditReportWindowTest {

    private static final DateRange MARCH_2026 = DateRange.parse("2026-03-01", "2026-03-10");

    @Test
    void newYorkAcrossTheSpringForward() {
        JsonNode data = body(RedditReportWindow.of(MARCH_2026, ZoneId.of("America/New_York")));
        assertThat(data.toString()).isEqualTo("{\"breakdowns\":[\"DATE\"],\"fields\":[\"SPEND\"],"
                + "\"starts_at\":\"2026-03-01T05:00:00Z\",\"ends_at\":\"2026-03-11T04:00:00Z\","
                + "\"time_zone_id\":\"America/New_York\"}");
    }

    @Test
    void wholeHourZonesHaveNoRoundingMargin() {
        RedditReportWindow tokyo = RedditReportWindow.of(MARCH_2026, ZoneId.of("Asia/Tokyo"));
        assertThat(body(tokyo).get("starts_at").asString()).isEqualTo("2026-02-28T15:00:00Z");
        assertThat(body(tokyo).get("ends_at").asString()).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(tokyo.isRoundingMargin(LocalDate.parse("2026-02-28"))).isFalse();
        assertThat(tokyo.isRoundingMargin(LocalDate.parse("2026-03-11"))).isFalse();
    }

    @Test
    void halfHourZonesAreWidenedAndOnlyTheTwoNeighbouringDaysAreMargins() {
        RedditReportWindow kolkata = RedditReportWindow.of(MARCH_2026, ZoneId.of("Asia/Kolkata"));
        assertThat(body(kolkata).get("starts_at").asString()).isEqualTo("2026-02-28T18:00:00Z");
        assertThat(body(kolkata).get("ends_at").asString()).isEqualTo("2026-03-10T19:00:00Z");
        assertThat(kolkata.isRoundingMargin(LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(kolkata.isRoundingMargin(LocalDate.parse("2026-03-11"))).isTrue();
        assertThat(kolkata.isRoundingMargin(LocalDate.parse("2026-02-27"))).isFalse();
        assertThat(kolkata.isRoundingMargin(LocalDate.parse("2026-03-12"))).isFalse();
    }

    @Test
    void aZoneThatSkipsMidnightStartsTheDayAtItsFirstHour() {
        // Havana springs forward at midnight: 2026-03-08 begins at 01:00 CDT (05:00 UTC).
        RedditReportWindow havana = RedditReportWindow.of(DateRange.parse("2026-03-08", "2026-03-08"),
                ZoneId.of("America/Havana"));
        assertThat(body(havana).get("starts_at").asString()).isEqualTo("2026-03-08T05:00:00Z");
        assertThat(body(havana).get("ends_at").asString()).isEqualTo("2026-03-09T04:00:00Z");
    }

    private static JsonNode body(RedditReportWindow window) {
        return Json.MAPPER.readTree(window.requestBody()).get("data");
    }
}
