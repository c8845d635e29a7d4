package com.syncledger.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parsers of outside input in the contract — account ids, money, dates — on any input: a value or the
 * documented error, never another exception; and every valid value read back as itself.
 */
class SpiParsersPropertyTest {

    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "KWD", "BHD", "GBP", "CLP", "ISK"};

    // ---- account ids ----

    @Property
    void anyTextIsAnAccountIdOrTheDocumentedError(@ForAll Platform platform, @ForAll("idLike") String raw) {
        Throwable error = catchThrowable(() -> AccountId.of(platform, raw));
        if (error != null) {
            assertThat(error).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(platform.displayName()).hasMessageContaining("expected");
            assertThat(error.getMessage()).doesNotContain("\n", "\r");
        }
    }

    @Property
    void anAcceptedIdIsCanonicalAndReadsBackAsItself(@ForAll Platform platform, @ForAll("idLike") String raw) {
        AccountId id;
        try {
            id = AccountId.of(platform, raw);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(id.input()).isEqualTo(raw.trim());
        assertThat(AccountId.of(platform, id.value()).value()).isEqualTo(id.value());
        assertThat(id.valueOn(platform)).isEqualTo(id.value());
    }

    @Property
    void everyDocumentedFormIsAccepted(@ForAll("digits") String digits, @ForAll("uuids") String uuid,
            @ForAll("base36") String base36) {
        String ten = (digits + "0000000000").substring(0, 10);
        assertThat(AccountId.of(Platform.GOOGLE, ten.substring(0, 3) + "-" + ten.substring(3, 6) + "-"
                + ten.substring(6)).value()).isEqualTo(ten);
        assertThat(AccountId.of(Platform.META, "act_" + digits).value()).isEqualTo(digits);
        assertThat(AccountId.of(Platform.LINKEDIN, "urn:li:sponsoredAccount:" + digits).value()).isEqualTo(digits);
        for (Platform platform : new Platform[] {Platform.TIKTOK, Platform.AMAZON, Platform.MICROSOFT, Platform.PINTEREST}) {
            assertThat(AccountId.of(platform, " " + digits + " ").value()).isEqualTo(digits);
        }
        assertThat(AccountId.of(Platform.SNAPCHAT, uuid.toUpperCase()).value()).isEqualTo(uuid.toLowerCase());
        assertThat(AccountId.of(Platform.REDDIT, "a2_" + base36).value()).isEqualTo("a2_" + base36);
    }

    /** Random text, and text close to valid ids (prefixes, digits, dashes) where the edge cases are. */
    @Provide
    Arbitrary<String> idLike() {
        Arbitrary<String> near = Combinators.combine(
                Arbitraries.of("", "act_", "urn:li:sponsoredAccount:", "a2_", "t2_", " ", "-", "act_-"),
                Arbitraries.strings().withChars("0123456789-abcdefABCDEF_").ofMaxLength(40),
                Arbitraries.of("", " ", "\n", "-", "\u0000", "٣"))
                .as((prefix, body, suffix) -> prefix + body + suffix);
        return Arbitraries.oneOf(Arbitraries.strings(), near);
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
    }

    @Provide
    Arbitrary<String> uuids() {
        return Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
    }

    @Provide
    Arbitrary<String> base36() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(32);
    }

    // ---- money ----

    @Property
    void anyTextIsAnAmountOrTheDocumentedError(@ForAll("amountLike") String text, @ForAll("currencies") String currency) {
        assertDocumentedAmountError(catchThrowable(() -> Money.parseMajor(text, currency)));
        assertDocumentedAmountError(catchThrowable(() -> Money.parseMicros(text, currency)));
    }

    /** Unreadable text is a {@link NumberFormatException}, an amount beyond micros an {@link ArithmeticException}. */
    private static void assertDocumentedAmountError(Throwable error) {
        if (error != null && !(error instanceof NumberFormatException) && error.getClass() != ArithmeticException.class) {
            throw new AssertionError("undocumented " + error.getClass().getName() + ": " + error.getMessage());
        }
        if (error != null && error.getMessage() != null && error.getMessage().length() > 200) {
            throw new AssertionError("a message of " + error.getMessage().length() + " characters: "
                    + error.getMessage().substring(0, 200));
        }
    }

    /** Found by the property above: such an amount used to be expanded digit by digit until memory ran out. */
    @Example
    void anAmountWithAHugeExponentIsRefusedAtOnce() {
        for (String huge : new String[] {"1E999999999", "-1e999999999", "1E-999999999", "5E-2147483640"}) {
            assertThat(catchThrowable(() -> Money.parseMajor(huge, "USD")))
                    .isExactlyInstanceOf(ArithmeticException.class).hasMessageContaining("cannot be held exactly");
        }
        assertThat(Money.parseMajor("0E-999999999", "USD")).isEqualTo(Money.zero("USD"));
    }

    @Property
    void anyCurrencyCodeIsKnownOrTheDocumentedError(@ForAll String code) {
        Throwable error = catchThrowable(() -> Money.validCurrency(code));
        if (error != null) {
            assertThat(error).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void everyAmountReadsBackAsItself(@ForAll long micros, @ForAll("currencies") String currency) {
        Money money = Money.ofMicros(micros, currency);
        assertThat(Money.parseMicros(Long.toString(micros), currency)).isEqualTo(money);
        assertThat(Money.parseMajor(money.toMajor().toPlainString(), currency)).isEqualTo(money);
        assertThat(Money.parseMajor(money.toDecimalString(), currency)).isEqualTo(money);
        assertThat(Money.parseMajor(money.toMajor().toString(), currency)).isEqualTo(money);
    }

    /** Random text, and decimal-looking text: signs, exponents, long fractions, the edges of a long. */
    @Provide
    Arbitrary<String> amountLike() {
        Arbitrary<String> decimal = Combinators.combine(
                Arbitraries.of("", "-", "+", " "),
                Arbitraries.strings().numeric().ofMaxLength(25),
                Arbitraries.of("", ".", ".5", ".1234567", ".0000001", ","),
                Arbitraries.of("", "e3", "E-7", "E+30", "e999999999", "E-999999999", "E2147483647", "e-2147483648"))
                .as((sign, digits, fraction, exponent) -> sign + digits + fraction + exponent);
        return Arbitraries.oneOf(Arbitraries.strings(), decimal,
                Arbitraries.of("9223372036854775807", "9223372036854775808", "-9223372036854775808",
                        "9223372036854.775807", "9223372036854.775808", "1E+9999999999", ""));
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of(CURRENCIES);
    }

    // ---- dates and ranges ----

    @Property
    void anyTextIsARangeOrTheDocumentedError(@ForAll("dateLike") String from, @ForAll("dateLike") String to) {
        Throwable error = catchThrowable(() -> DateRange.parse(from, to));
        if (error != null) {
            assertThat(error).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    void everyRangeReadsBackAsItself(@ForAll("days") LocalDate from, @ForAll("lengths") int days) {
        DateRange range = DateRange.of(from, from.plusDays(days - 1));
        assertThat(DateRange.parse(range.from().toString(), range.to().toString())).isEqualTo(range);
        assertThat(range.days()).isEqualTo(days).isEqualTo(ChronoUnit.DAYS.between(range.from(), range.to()) + 1);
    }

    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> near = Combinators.combine(
                Arbitraries.integers().between(-1, 10000), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        return Arbitraries.oneOf(Arbitraries.strings(), near, days().map(LocalDate::toString));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2200, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, 3000);
    }
}
