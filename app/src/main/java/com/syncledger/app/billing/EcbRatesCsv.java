package com.syncledger.app.billing;

import com.syncledger.app.problem.InvalidInputException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECB's euro reference rates as published in {@code eurofxref-hist.csv}: a header {@code Date,USD,JPY,...}
 * (often with a trailing empty column), then one row per day of EUR-based rates, {@code N/A} where the ECB
 * published none. Every value is read as exact decimal text.
 */
final class EcbRatesCsv {

    static final String BASE = "EUR";
    static final String SOURCE = "ecb";

    /** More problems than this are summarised: the first ones show what is wrong with the file. */
    private static final int MAX_PROBLEMS = 20;

    private EcbRatesCsv() {
    }

    /** @throws InvalidInputException naming each bad line and what is wrong with it; nothing is returned then */
    static List<FxRate> parse(Reader csv) {
        List<Csv.Row> rows = Csv.read(csv).stream().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("line 1", "the file is empty; expected a header Date,USD,JPY,...");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> quotes = quotes(rows.getFirst(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (rows.size() == 1) {
            throw new InvalidInputException("line 2", "no rates: the file has a header only");
        }
        List<FxRate> rates = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (problems.size() >= MAX_PROBLEMS) {
                problems.put("more", "further lines were not checked");
                break;
            }
            String line = "line " + row.line();
            List<String> values = row.values();
            if (values.size() < 2 || values.size() > quotes.size() + 1) {
                problems.put(line, "has " + values.size() + " values; the header has " + (quotes.size() + 1));
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(values.getFirst().strip());
            } catch (DateTimeException e) {
                problems.put(line, "'" + values.getFirst() + "' is not a date YYYY-MM-DD");
                continue;
            }
            if (!days.add(day)) {
                problems.put(line, day + " appears twice");
                continue;
            }
            for (int i = 1; i < values.size(); i++) {
                String value = values.get(i).strip();
                String quote = quotes.get(i - 1);
                if (quote == null || value.isEmpty() || value.equals("N/A")) {
                    continue;
                }
                try {
                    rates.add(new FxRate(day, BASE, quote, FxRates.positiveRate(value), SOURCE));
                } catch (IllegalArgumentException e) {
                    problems.put(line + " " + quote, e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rates;
    }

    /** The quote currency of each column after the date; null for a trailing empty column. */
    private static List<String> quotes(Csv.Row header, Map<String, String> problems) {
        List<String> names = header.values();
        if (!names.getFirst().strip().equals("Date")) {
            problems.put("line 1", "the header must start with Date, then the currency codes (USD,JPY,...)");
            return List.of();
        }
        List<String> quotes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty() && i == names.size() - 1) {
                quotes.add(null);
                continue;
            }
            try {
                String quote = FxRates.currency(name);
                if (quote.equals(BASE)) {
                    problems.put("line 1", "EUR cannot be a column: every rate is EUR-based");
                } else if (!seen.add(quote)) {
                    problems.put("line 1", quote + " appears twice");
                }
                quotes.add(quote);
            } catch (IllegalArgumentException e) {
                problems.put("line 1 column " + (i + 1), e.getMessage());
            }
        }
        if (quotes.stream().allMatch(q -> q == null)) {
            problems.putIfAbsent("line 1", "the header names no currency after Date");
        }
        return quotes;
    }
}
