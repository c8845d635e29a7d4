package com.syncledger.app.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for the statement export in tests: rows of fields, quotes undone. */
public record CsvRows(List<List<String>> rows) {

    public static CsvRows parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || !field.isEmpty()) {
            throw new IllegalArgumentException("the last line does not end with CRLF");
        }
        return new CsvRows(rows);
    }

    /** The amount of the one row with this section and item. */
    public String amount(String section, String item) {
        return rows.stream().filter(r -> r.get(0).equals(section) && r.get(1).equals(item)).map(r -> r.get(2))
                .reduce((a, b) -> {
                    throw new IllegalStateException("two rows " + section + "," + item);
                }).orElseThrow(() -> new IllegalStateException("no row " + section + "," + item));
    }

    /** The sum of the amounts of a section's rows whose item ends with {@code itemSuffix}. */
    public BigDecimal sum(String section, String itemSuffix) {
        return rows.stream().filter(r -> r.get(0).equals(section) && r.get(1).endsWith(itemSuffix))
                .map(r -> new BigDecimal(r.get(2))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
