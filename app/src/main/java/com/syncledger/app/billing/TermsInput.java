package com.syncledger.app.billing;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Billing terms as a caller sends them: dates as {@code YYYY-MM-DD}, the fee rate and amounts as decimal
 * strings. Missing fee rate: 0.20. Missing effective date: the first month after the baseline.
 */
public record TermsInput(String baselineFrom, String baselineTo, String feeRate, String floor, String cap,
        String effectiveFrom) {

    static final BigDecimal DEFAULT_FEE_RATE = new BigDecimal("0.20");
    /** The longest baseline accepted: three years. */
    static final int MAX_BASELINE_DAYS = 1096;

    /** The checked terms; amounts in {@code currency}. */
    record Valid(DateRange baseline, BigDecimal feeRate, BigDecimal floor, BigDecimal cap, LocalDate effectiveFrom) {
    }

    /** @throws InvalidInputException listing every field that is wrong */
    Valid validated(String currency) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate from = date(baselineFrom, "baselineFrom", problems);
        LocalDate to = date(baselineTo, "baselineTo", problems);
        DateRange baseline = null;
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.put("baselineTo", "must not be before baselineFrom");
            } else if (DateRange.of(from, to).days() > MAX_BASELINE_DAYS) {
                problems.put("baselineTo", "the baseline may cover at most " + MAX_BASELINE_DAYS + " days");
            } else {
                baseline = DateRange.of(from, to);
            }
        }
        BigDecimal rate = feeRate == null ? DEFAULT_FEE_RATE : decimal(feeRate, "feeRate", problems);
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 6)) {
            problems.put("feeRate", "must be a decimal from 0 to 1 with at most 6 decimals, e.g. 0.20");
        }
        BigDecimal floorAmount = amount(floor, "floor", currency, problems);
        BigDecimal capAmount = amount(cap, "cap", currency, problems);
        if (floorAmount != null && capAmount != null && floorAmount.compareTo(capAmount) > 0) {
            problems.put("cap", "must not be below the floor");
        }
        LocalDate effective = effectiveFrom == null
                ? (to == null ? null : to.plusMonths(1).withDayOfMonth(1))
                : date(effectiveFrom, "effectiveFrom", problems);
        if (effective != null && effective.getDayOfMonth() != 1) {
            problems.put("effectiveFrom", "must be the first day of a month: terms apply to whole billing periods");
        } else if (effective != null && to != null && !to.isBefore(effective)) {
            problems.put("effectiveFrom", "must be after the baseline period (the baseline ends " + to
                    + "); a baseline may not overlap the periods it is compared with");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(baseline, rate, floorAmount, capAmount, effective);
    }

    private static LocalDate date(String text, String field, Map<String, String> problems) {
        if (text == null) {
            problems.put(field, "is required (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            problems.put(field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, Map<String, String> problems) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a decimal string, e.g. 0.20");
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, String currency, Map<String, String> problems) {
        if (text == null) {
            return null;
        }
        BigDecimal value = decimal(text, field, problems);
        if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > MinorUnits.digits(currency))) {
            problems.put(field, "must be a positive amount in " + currency + " with at most "
                    + MinorUnits.digits(currency) + " decimals");
            return null;
        }
        return value == null ? null : MinorUnits.round(value, currency);
    }
}
