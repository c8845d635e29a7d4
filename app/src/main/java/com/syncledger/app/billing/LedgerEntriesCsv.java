package com.syncledger.app.billing;

import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.problem.InvalidInputException;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/**
 * Ledger entries as a CSV file, one entry per line under the header {@link #HEADER}; {@code platform} and the
 * columns after it may be empty (or left off). Values are checked by {@link LedgerEntries#recordAll}, whose
 * messages name the line and the column.
 */
public final class LedgerEntriesCsv {

    public static final List<String> HEADER = List.of("external_id", "date", "kind", "amount", "currency", "platform",
            "platform_campaign_id", "description");
    private static final int REQUIRED_COLUMNS = 5;

    /** The entries of a file, and how to name an entry (its line) and a field (line and column) in messages. */
    public record Parsed(List<LedgerEntryInput> entries, LedgerEntries.Batch batch) {
    }

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("externalId", "external_id",
            "platformCampaignId", "platform_campaign_id");

    private LedgerEntriesCsv() {
    }

    /** @throws InvalidInputException for a wrong header or lines of the wrong length, naming each line */
    public static Parsed parse(Reader csv) {
        List<Csv.Row> rows = Csv.read(csv).stream().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty() || !rows.getFirst().values().stream().map(String::strip).toList().equals(HEADER)) {
            throw new InvalidInputException("line 1", "the header must be exactly " + String.join(",", HEADER));
        }
        List<Csv.Row> lines = rows.subList(1, rows.size());
        if (lines.isEmpty()) {
            throw new InvalidInputException("line 2", "the file has no entries");
        }
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        List<LedgerEntryInput> entries = new java.util.ArrayList<>(lines.size());
        for (Csv.Row row : lines) {
            List<String> v = row.values();
            if (v.size() < REQUIRED_COLUMNS || v.size() > HEADER.size()) {
                problems.put("line " + row.line(), "has " + v.size() + " values; expected " + REQUIRED_COLUMNS + " to "
                        + HEADER.size() + " in the order of the header");
                continue;
            }
            entries.add(new LedgerEntryInput(v.get(0), v.get(2), v.get(1).strip(), v.get(3).strip(), v.get(4).strip(),
                    optional(v, 5), optional(v, 6), optional(v, 7)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long[] lineOf = lines.stream().mapToLong(Csv.Row::line).toArray();
        return new Parsed(entries, new LedgerEntries.Batch("ledger_entry.import",
                (i, field) -> "line " + lineOf[i] + " " + COLUMN_OF_FIELD.getOrDefault(field, field),
                i -> "line " + lineOf[i]));
    }

    /** An empty value is no value. */
    private static String optional(List<String> values, int column) {
        if (column >= values.size()) {
            return null;
        }
        String value = values.get(column).strip();
        return value.isEmpty() ? null : value;
    }
}
