package com.syncledger.app.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The FX rates of a span of days, to convert an amount with the rate of its own day: a direct rate, the
 * inverse of one, or a cross rate through a base both currencies are quoted against (EUR for the ECB's
 * reference rates). The cross rate is never rounded: an amount is multiplied first and divided last, to
 * 34 significant digits, and only the statement line it ends on is rounded.
 *
 * <p>A reference-rate source publishes on business days only: a day on which no rate at all is recorded
 * takes the rates of the latest earlier day that has some, at most {@value #PUBLICATION_GAP_DAYS} days
 * back (a weekend, or Easter from Thursday to Tuesday). A day that has rates but not the one needed is a
 * gap: a missing rate is never guessed.
 */
final class FxTable {

    static final int PUBLICATION_GAP_DAYS = 4;
    static final String PREFERRED_BASE = "EUR";
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** Converts by multiplying with {@code multiplier} and then dividing by {@code divisor}. */
    record Conversion(BigDecimal multiplier, BigDecimal divisor, List<FxRate> rates) {

        static final Conversion IDENTITY = new Conversion(BigDecimal.ONE, BigDecimal.ONE, List.of());

        BigDecimal apply(BigDecimal amount) {
            return amount.multiply(multiplier).divide(divisor, PRECISION);
        }
    }

    private final NavigableMap<LocalDate, Map<String, FxRate>> byDay = new TreeMap<>();

    FxTable(Collection<FxRate> rates) {
        for (FxRate rate : rates) {
            byDay.computeIfAbsent(rate.day(), d -> new HashMap<>()).put(pair(rate.base(), rate.quote()), rate);
        }
    }

    /** How to convert {@code from} into {@code to} on {@code day}; empty when a rate it needs is missing. */
    Optional<Conversion> conversion(LocalDate day, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(Conversion.IDENTITY);
        }
        Map<String, FxRate> rates = publishedOn(day);
        FxRate direct = rates.get(pair(from, to));
        if (direct != null) {
            return Optional.of(new Conversion(direct.rate(), BigDecimal.ONE, List.of(direct)));
        }
        FxRate inverse = rates.get(pair(to, from));
        if (inverse != null) {
            return Optional.of(new Conversion(BigDecimal.ONE, inverse.rate(), List.of(inverse)));
        }
        return crossRate(rates, from, to, PREFERRED_BASE).or(() -> anyCrossRate(rates, from, to));
    }

    private Map<String, FxRate> publishedOn(LocalDate day) {
        Map.Entry<LocalDate, Map<String, FxRate>> latest = byDay.floorEntry(day);
        if (latest == null || latest.getKey().isBefore(day.minusDays(PUBLICATION_GAP_DAYS))) {
            return Map.of();
        }
        return latest.getValue();
    }

    private static Optional<Conversion> crossRate(Map<String, FxRate> rates, String from, String to, String base) {
        FxRate toQuote = rates.get(pair(base, to));
        FxRate fromQuote = rates.get(pair(base, from));
        if (toQuote == null || fromQuote == null) {
            return Optional.empty();
        }
        return Optional.of(new Conversion(toQuote.rate(), fromQuote.rate(), List.of(toQuote, fromQuote)));
    }

    private static Optional<Conversion> anyCrossRate(Map<String, FxRate> rates, String from, String to) {
        List<String> bases = new ArrayList<>(rates.values().stream().map(FxRate::base).distinct().sorted().toList());
        for (String base : bases) {
            Optional<Conversion> cross = crossRate(rates, from, to, base);
            if (cross.isPresent()) {
                return cross;
            }
        }
        return Optional.empty();
    }

    private static String pair(String base, String quote) {
        return base + "/" + quote;
    }
}
