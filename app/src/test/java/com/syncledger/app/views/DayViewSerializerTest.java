package com.syncledger.app.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.views.ApiModel.DayView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A day of a spend answer reads exactly as the default serializer writes the same record. */
class DayViewSerializerTest {

    /** The same components, serialized the default way. */
    record PlainDay(LocalDate date, String spend, Instant fetchedAt) {
    }

    private static final List<DayView> DAYS = List.of(
            new DayView(LocalDate.parse("2026-01-31"), "12.50", Instant.parse("2026-02-01T08:00:00Z")),
            new DayView(LocalDate.parse("2026-02-01"), "0.00", Instant.parse("2026-02-01T08:00:00Z")),
            new DayView(LocalDate.parse("2026-02-02"), "-3", Instant.parse("2026-02-03T08:15:30.123456Z")),
            new DayView(LocalDate.parse("2026-02-03"), "1.000001", Instant.parse("2026-02-03T08:15:30.100Z")),
            new DayView(LocalDate.parse("2026-02-04"), null, null));

    @Test
    void writesWhatTheDefaultSerializerWrites() {
        JsonMapper json = JsonMapper.builder().build();
        List<PlainDay> plain = DAYS.stream().map(d -> new PlainDay(d.date(), d.spend(), d.fetchedAt())).toList();
        assertThat(json.writeValueAsString(DAYS)).isEqualTo(json.writeValueAsString(plain));
    }

    @Test
    void indentsLikeTheDefaultSerializerForTheCli() {
        assertThat(ApiJson.write(DAYS)).isEqualTo(ApiJson.write(
                DAYS.stream().map(d -> new PlainDay(d.date(), d.spend(), d.fetchedAt())).toList()));
    }
}
