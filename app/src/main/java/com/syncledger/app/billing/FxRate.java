package com.syncledger.app.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day's exchange rate: 1 {@code base} = {@code rate} {@code quote}, exact as published. */
public record FxRate(LocalDate day, String base, String quote, BigDecimal rate, String source) {

    /** {@code 2026-04-07 EUR/USD}, how messages name a rate. */
    public String pair() {
        return day + " " + base + "/" + quote;
    }
}
