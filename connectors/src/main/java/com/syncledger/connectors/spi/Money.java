package com.syncledger.connectors.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.Locale;

/**
 * An exact amount: integer micros (1/1,000,000 of the currency's major unit) and an ISO-4217 code.
 * Never built from a {@code double}; conversions that would lose precision throw.
 */
public record Money(long micros, String currency) {

    private static final int MICRO_DIGITS = 6;
    /** Long.MAX_VALUE micros is 9,223,372,036,854.775807: at most 13 digits before the point. */
    private static final int MAX_MAJOR_DIGITS = 13;

    public Money {
        currency = validCurrency(currency);
    }

    public static Money ofMicros(long micros, String currency) {
        return new Money(micros, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** From an amount in major units ("123.45"). @throws ArithmeticException beyond micro precision */
    public static Money ofMajor(BigDecimal major, String currency) {
        // Refused before it is expanded: an exponent such as 1E999999999 would build a billion-digit number.
        BigDecimal stripped = major.stripTrailingZeros();
        if (stripped.scale() > MICRO_DIGITS || stripped.precision() - stripped.scale() > MAX_MAJOR_DIGITS) {
            throw beyondMicros(major, currency);
        }
        try {
            return new Money(stripped.movePointRight(MICRO_DIGITS).toBigIntegerExact().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw beyondMicros(major, currency);
        }
    }

    private static ArithmeticException beyondMicros(BigDecimal major, String currency) {
        // Never print an exponent out as a billion digits.
        boolean plain = major.scale() >= -MAX_MAJOR_DIGITS && major.scale() <= 3 * MICRO_DIGITS;
        String shown = plain ? major.toPlainString() : major.toString();
        return new ArithmeticException("amount " + shown + " " + currency + " cannot be held exactly in micros");
    }

    /** From a decimal string in major units; the text is parsed exactly, never through a double. */
    public static Money parseMajor(String major, String currency) {
        return ofMajor(new BigDecimal(major.trim()), currency);
    }

    /** From a micros count as text (the platforms send int64 micros as JSON strings). */
    public static Money parseMicros(String micros, String currency) {
        return new Money(new BigInteger(micros.trim()).longValueExact(), currency);
    }

    public BigDecimal toMajor() {
        return BigDecimal.valueOf(micros, MICRO_DIGITS).stripTrailingZeros();
    }

    /** Plain decimal string in major units with at least the currency's minor digits ("1234.50", "1200" for JPY). */
    public String toDecimalString() {
        int minor = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        if (micros == Long.MIN_VALUE || minor > MICRO_DIGITS) {
            return decimalStringOf(toMajor(), minor);
        }
        // The same digits as the BigDecimal form, from integer arithmetic: this runs for every day a read returns.
        long abs = Math.abs(micros);
        long fraction = abs % 1_000_000;
        int digits = MICRO_DIGITS;
        while (digits > minor && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        StringBuilder text = new StringBuilder(24);
        if (micros < 0) {
            text.append('-');
        }
        text.append(abs / 1_000_000);
        if (digits > 0) {
            String fractionDigits = Long.toString(fraction);
            text.append('.').repeat('0', digits - fractionDigits.length()).append(fractionDigits);
        }
        return text.toString();
    }

    /** The reference form of {@link #toDecimalString()}, through BigDecimal. */
    static String decimalStringOf(BigDecimal major, int minor) {
        if (major.scale() < minor) {
            major = major.setScale(minor);
        }
        if (major.scale() < 0) {
            major = major.setScale(0);
        }
        return major.toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(micros, other.micros), currency);
    }

    public boolean isZero() {
        return micros == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    /** Upper-cases and checks an ISO-4217 code. @throws IllegalArgumentException for unknown codes */
    public static String validCurrency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a currency code is required");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO-4217 currency code '" + code + "'");
        }
        return upper;
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
