package com.syncledger.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesMajorUnitsExactly() {
        assertThat(Money.parseMajor("123.45", "usd")).isEqualTo(Money.ofMicros(123_450_000, "USD"));
        assertThat(Money.parseMajor("0.1", "USD").plus(Money.parseMajor("0.2", "USD")))
                .isEqualTo(Money.parseMajor("0.3", "USD"));
        assertThat(Money.parseMicros("987654321", "EUR").toDecimalString()).isEqualTo("987.654321");
    }

    @Test
    void printsWithTheCurrencysMinorDigits() {
        assertThat(Money.parseMajor("1200", "JPY").toDecimalString()).isEqualTo("1200");
        assertThat(Money.parseMajor("12.5", "USD").toDecimalString()).isEqualTo("12.50");
        assertThat(Money.parseMajor("1.234", "KWD").toDecimalString()).isEqualTo("1.234");
        assertThat(Money.parseMajor("1.2", "KWD").toDecimalString()).isEqualTo("1.200");
        assertThat(Money.zero("USD").toDecimalString()).isEqualTo("0.00");
    }

    @Test
    void refusesToLosePrecisionOrMixCurrencies() {
        assertThatThrownBy(() -> Money.parseMajor("0.0000001", "USD")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.zero("USD").plus(Money.zero("EUR")))
                .hasMessage("cannot add EUR to USD");
        assertThatThrownBy(() -> Money.zero("XYZ1")).hasMessageContaining("unknown ISO-4217 currency code");
    }
}
