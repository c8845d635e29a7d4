package com.syncledger.app.billing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV file into rows that know their line number, for messages that point at the line.
 * Blank lines are kept as records (and skipped by callers) so that record numbers stay line numbers; a
 * quoted value spanning lines would shift the numbers after it, which our files never need.
 */
final class Csv {

    /** One row: its 1-based line number and its values. */
    record Row(long line, List<String> values) {

        public boolean isBlank() {
            return values.size() == 1 && values.getFirst().isBlank();
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private Csv() {
    }

    /** @throws IllegalArgumentException for text that is not CSV (an unclosed quote), naming the line */
    static List<Row> read(Reader reader) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (rows.isEmpty() && !values.isEmpty() && values.getFirst().startsWith("\uFEFF")) {
                    values = new ArrayList<>(values);
                    values.set(0, values.getFirst().substring(1));
                }
                rows.add(new Row(record.getRecordNumber(), values));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw new IllegalArgumentException("line " + (rows.size() + 1) + ": not valid CSV (check its quotes)");
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
