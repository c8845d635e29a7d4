package com.syncledger.app.billing;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated exchange rates: the ECB's reference rates and rates set by hand. A rate, once recorded, never
 * changes: recording the same value again is a no-op, a different value for a recorded day and pair is a
 * conflict and writes nothing, because issued statements rest on these rates.
 */
@Repository
public class FxRates {

    /** How many rates one statement writes; a full ECB history is a few hundred thousand rates. */
    private static final int CHUNK = 20_000;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");

    /** What a write did: rates recorded now, and rates that were recorded before with the same value. */
    public record Recorded(int recorded, int alreadyPresent) {
    }

    /** One rate set by hand, and whether this call recorded it (false: it was recorded before). */
    public record SetRate(FxRate rate, boolean created) {
    }

    private final JdbcClient jdbc;
    private final BillingAudit audit;

    public FxRates(JdbcClient jdbc, BillingAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Imports the ECB's reference rates ({@code eurofxref-hist.csv} or {@code eurofxref.csv} shape) as EUR-based
     * rates with source {@code ecb}; {@code N/A} values are skipped.
     *
     * @throws InvalidInputException naming each bad line; nothing is written
     * @throws ConflictException listing rates recorded before with other values; nothing is written
     */
    @Transactional
    public Recorded importEcb(Reader csv, String actor) {
        return record(EcbRatesCsv.parse(csv), actor, "fx_rate.import_ecb");
    }

    /**
     * Records one rate given by hand, {@code source} {@code manual} unless named.
     *
     * @throws InvalidInputException naming each bad field
     * @throws ConflictException when the day and pair already have another rate
     */
    @Transactional
    public SetRate set(String date, String base, String quote, String rate, String source, String actor) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate day = null;
        try {
            day = LocalDate.parse(String.valueOf(date).strip());
        } catch (DateTimeException e) {
            problems.put("date", "must be a date YYYY-MM-DD");
        }
        String baseCode = checked("base", base, problems);
        String quoteCode = checked("quote", quote, problems);
        if (baseCode != null && baseCode.equals(quoteCode)) {
            problems.put("quote", "must differ from the base");
        }
        BigDecimal value = null;
        try {
            value = positiveRate(rate);
        } catch (IllegalArgumentException e) {
            problems.put("rate", e.getMessage());
        }
        String sourceName = source == null ? "manual" : source.strip().toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(sourceName).matches()) {
            problems.put("source", "must be 1 to 100 letters, digits, '.', '_' or '-', e.g. manual");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        FxRate given = new FxRate(day, baseCode, quoteCode, value, sourceName);
        boolean created = record(List.of(given), actor, "fx_rate.set").recorded() == 1;
        return new SetRate(find(day, baseCode, quoteCode).orElseThrow(), created);
    }

    /** Every rate with a day in the range, by day, base and quote; {@code quote} null for every quote. */
    public List<FxRate> list(LocalDate from, LocalDate to, String quote) {
        return jdbc.sql("""
                select day, base, quote, rate, source from fx_rate
                where day between ? and ? and (?::text is null or quote = ?)
                order by day, base, quote""")
                .params(from, to, quote, quote).query(FxRates::map).list();
    }

    /** The rate recorded for the day and pair, if any: 1 {@code base} = rate {@code quote}. */
    public Optional<FxRate> find(LocalDate day, String base, String quote) {
        return jdbc.sql("select day, base, quote, rate, source from fx_rate where day = ? and base = ? and quote = ?")
                .params(day, base, quote).query(FxRates::map).optional();
    }

    /**
     * Inserts what is new, then compares every given rate with what is stored: the insert waits for any
     * concurrent writer of the same pair, so a differing value is seen here and refuses the whole write.
     */
    private Recorded record(List<FxRate> rates, String actor, String action) {
        int recorded = 0;
        List<String> conflicts = new ArrayList<>();
        for (int from = 0; from < rates.size(); from += CHUNK) {
            List<FxRate> chunk = rates.subList(from, Math.min(rates.size(), from + CHUNK));
            Object[] columns = columns(chunk);
            recorded += jdbc.sql("""
                    insert into fx_rate (day, base, quote, rate, source, recorded_by)
                    select r.*, ? from unnest(?::date[], ?::text[], ?::text[], ?::numeric[], ?::text[]) as r
                    on conflict (day, base, quote) do nothing""")
                    .params(actor, columns[0], columns[1], columns[2], columns[3], columns[4]).update();
        }
        for (int from = 0; from < rates.size() && conflicts.size() <= 20; from += CHUNK) {
            Object[] columns = columns(rates.subList(from, Math.min(rates.size(), from + CHUNK)));
            conflicts.addAll(jdbc.sql("""
                    select g.day, g.base, g.quote, f.rate as stored, g.rate as given
                    from unnest(?::date[], ?::text[], ?::text[], ?::numeric[]) as g(day, base, quote, rate)
                    join fx_rate f on f.day = g.day and f.base = g.base and f.quote = g.quote
                    where f.rate <> g.rate order by g.day, g.quote limit 21""")
                    .params(columns[0], columns[1], columns[2], columns[3])
                    .query((rs, row) -> rs.getDate("day").toLocalDate() + " " + rs.getString("base").trim() + "/"
                            + rs.getString("quote").trim() + " is recorded as "
                            + rs.getBigDecimal("stored").toPlainString() + ", not "
                            + rs.getBigDecimal("given").toPlainString())
                    .list());
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException("rates already recorded with other values: "
                    + String.join("; ", conflicts.subList(0, Math.min(20, conflicts.size())))
                    + (conflicts.size() > 20 ? "; and more" : "")
                    + ". A recorded rate never changes; nothing was written");
        }
        if (recorded > 0) {
            LocalDate first = rates.stream().map(FxRate::day).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = rates.stream().map(FxRate::day).max(Comparator.naturalOrder()).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recorded", recorded);
            details.put("alreadyPresent", rates.size() - recorded);
            details.put("from", first.toString());
            details.put("to", last.toString());
            if (rates.size() == 1) {
                FxRate rate = rates.getFirst();
                details.put("base", rate.base());
                details.put("quote", rate.quote());
                details.put("rate", rate.rate().toPlainString());
                details.put("source", rate.source());
            }
            audit.record(actor, action, null, details);
        }
        return new Recorded(recorded, rates.size() - recorded);
    }

    /** Days, bases, quotes, rates (as exact text) and sources as arrays, for one unnest. */
    private static Object[] columns(List<FxRate> rates) {
        return new Object[] {column(rates, rate -> rate.day().toString()), column(rates, FxRate::base),
                column(rates, FxRate::quote), column(rates, rate -> rate.rate().toPlainString()),
                column(rates, FxRate::source)};
    }

    private static String[] column(List<FxRate> rates, Function<FxRate, String> value) {
        return rates.stream().map(value).toArray(String[]::new);
    }

    /** A rate as exact decimal text: digits, optionally a point and more digits, greater than zero. */
    static BigDecimal positiveRate(String text) {
        String value = text == null ? "" : text.strip();
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a decimal rate such as 1.0825");
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("a rate must be greater than zero, not " + value);
        }
        return rate;
    }

    /** An upper-case ISO-4217 code. @throws IllegalArgumentException for anything else */
    static String currency(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (CURRENCY.matcher(upper).matches()) {
                java.util.Currency.getInstance(upper);
                return upper;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new IllegalArgumentException("'" + code + "' is not a known ISO-4217 currency code");
    }

    private static String checked(String field, String code, Map<String, String> problems) {
        try {
            return currency(code);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }

    private static FxRate map(ResultSet rs, int row) throws SQLException {
        return new FxRate(rs.getDate("day").toLocalDate(), rs.getString("base").trim(), rs.getString("quote").trim(),
                rs.getBigDecimal("rate"), rs.getString("source"));
    }
}
