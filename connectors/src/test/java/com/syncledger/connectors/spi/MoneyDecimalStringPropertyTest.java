package com.syncledger.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The integer formatting of an amount gives exactly the digits of its BigDecimal form, for any amount. */
class MoneyDecimalStringPropertyTest {

    @Property(tries = 5000)
    void theDecimalStringIsTheBigDecimalOne(@ForAll("micros") long micros, @ForAll("currencies") String currency) {
        int minor = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        Money money = Money.ofMicros(micros, currency);
        assertThat(money.toDecimalString()).isEqualTo(Money.decimalStringOf(money.toMajor(), minor));
    }

    @Provide
    Arbitrary<Long> micros() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.longs().between(-1_000_000, 1_000_000).map(m -> m * 10_000),
                Arbitraries.of(0L, 1L, -1L, 1_000_000L, -1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
    }

    @Provide
    Arbitrary<String> currencies() {
        // Two, zero, three and four minor digits.
        return Arbitraries.of("USD", "EUR", "JPY", "KRW", "BHD", "KWD", "CLF");
    }
}
