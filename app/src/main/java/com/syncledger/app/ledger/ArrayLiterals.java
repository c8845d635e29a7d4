package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DailySpend;
import java.util.List;

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
        StringBuilder literal = new StringBuilder(days.size() * 6 + 2).append('{');
        for (int i = 0; i < days.size(); i++) {
            literal.append(i == 0 ? "\"" : ",\"");
            String code = days.get(i).spend().currency();
            for (int c = 0; c < code.length(); c++) {
                char ch = code.charAt(c);
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
