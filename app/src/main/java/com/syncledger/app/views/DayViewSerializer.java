package com.syncledger.app.views;

import com.syncledger.app.views.ApiModel.DayView;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a day of a spend answer exactly as the default bean serializer would, without its per-property
 * reflection, and formats each {@code fetchedAt} once per run of equal values: a year of a store's accounts is
 * thousands of days, most of them fetched by the same few syncs, and this is most of such an answer's work.
 */
final class DayViewSerializer extends StdSerializer<DayView> {

    private static final SerializableString DATE = new SerializedString("date");
    private static final SerializableString SPEND = new SerializedString("spend");
    private static final SerializableString FETCHED_AT = new SerializedString("fetchedAt");

    /** The last instant this thread formatted, and its text. */
    private static final ThreadLocal<Object[]> LAST_FORMATTED = ThreadLocal.withInitial(() -> new Object[2]);

    DayViewSerializer() {
        super(DayView.class);
    }

    @Override
    public void serialize(DayView day, JsonGenerator json, SerializationContext context) {
        json.writeStartObject(day);
        json.writeName(DATE);
        json.writeString(day.date().toString());
        json.writeName(SPEND);
        if (day.spend() == null) {
            json.writeNull();
        } else {
            json.writeString(day.spend());
        }
        json.writeName(FETCHED_AT);
        if (day.fetchedAt() == null) {
            json.writeNull();
        } else {
            json.writeString(formatted(day.fetchedAt()));
        }
        json.writeEndObject();
    }

    /** ISO-8601 in UTC, as the default serializer writes an {@link Instant}. */
    private static String formatted(Instant instant) {
        Object[] last = LAST_FORMATTED.get();
        if (!instant.equals(last[0])) {
            last[0] = instant;
            last[1] = instant.toString();
        }
        return (String) last[1];
    }
}
