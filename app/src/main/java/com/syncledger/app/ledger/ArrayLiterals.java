package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DailySpend;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A report's days as PostgreSQL array literals ({@code {2026-01-01,2026-01-02}}), bound as text and cast in the
 * statement ({@code ?::date[]}). What the driver would send for a {@code java.sql.Array} anyway, without building
 * a {@code java.sql.Date} (and its calendar) per day and looking the array types up on every write.
 */
final class ArrayLiterals {

    private ArrayLiterals() {
    }

    static String dates(List<DailySpend> days) {
        StringBuilder literal = new StringBuilder(days.size() * 11 + 2).append('{');
        for (int i = 0; i < days.size(); i++) {
            literal.append(i == 0 ? "" : ",").append(days.get(i).date()); // ISO yyyy-mm-dd, never quoted
        }
        return literal.append('}').toString();
    }

    static String amountsMicros(List<DailySpend> days) {
        StringBuilder literal = new StringBuilder(days.size() * 12 + 2).append('{');
        for (int i = 0; i < days.size(); i++) {
            literal.append(i == 0 ? "" : ",").append(days.get(i).spend().micros());
        }
        return literal.append('}').toString();
    }

    /** Each code quoted, so no value can end an element or the array. */
    static String currencies(List<DailySpend> days) {
        return texts(days.stream().map(day -> day.spend().currency()).toList());
    }

    /** One element per chunk, from 1 to the number of chunks, repeated for each of the chunk's days. */
    static String chunkNumbers(List<FetchedChunk> chunks) {
        StringJoiner literal = new StringJoiner(",", "{", "}");
        for (int part = 1; part <= chunks.size(); part++) {
            for (int day = 0; day < chunks.get(part - 1).report().days().size(); day++) {
                literal.add(Integer.toString(part));
            }
        }
        return literal.toString();
    }

    /** ISO-8601 in UTC ({@code 2026-01-01T10:15:30.123456Z}), which {@code timestamptz} reads as it is. */
    static String instants(List<Instant> instants) {
        return instants.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Each value quoted, so none can end an element or the array; a null is {@code NULL}. */
    static String texts(List<String> values) {
        StringBuilder literal = new StringBuilder(values.size() * 6 + 2).append('{');
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",");
            String value = values.get(i);
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
