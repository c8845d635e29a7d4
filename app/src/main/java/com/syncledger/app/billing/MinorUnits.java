package com.syncledger.app.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts of a statement in a currency's major unit. A printed line is rounded once, half-even, to the
 * currency's minor unit (none for JPY); every total is then the sum of printed lines, so it adds up with a
 * calculator.
 */
final class MinorUnits {

    private static final int MICRO_DIGITS = 6;

    private MinorUnits() {
    }

    static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    static BigDecimal round(BigDecimal exact, String currency) {
        return exact.setScale(digits(currency), RoundingMode.HALF_EVEN);
    }

    static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(digits(currency), RoundingMode.UNNECESSARY);
    }

    static BigDecimal ofMicros(long micros) {
        return BigDecimal.valueOf(micros, MICRO_DIGITS);
    }

    /** @throws ArithmeticException when the amount has more than six decimals or does not fit */
    static long toMicros(BigDecimal amount) {
        return amount.movePointRight(MICRO_DIGITS).longValueExact();
    }

    /** A printed amount, e.g. {@code 1234.50} or {@code 1459} (JPY). */
    static String text(BigDecimal amount, String currency) {
        return round(amount, currency).toPlainString();
    }
}
