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
        BigDecimal micros = major.movePointRight(MICRO_DIGITS);
        try {
            return new Money(micros.toBigIntegerExact().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + major.toPlainString() + " " + currency
                    + " cannot be held exactly in micros");
        }
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
        BigDecimal major = toMajor();
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
