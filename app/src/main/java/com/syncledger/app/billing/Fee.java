package com.syncledger.app.billing;

import java.math.BigDecimal;

/**
 * The success fee of an uplift: rate × uplift rounded once, then the monthly floor and cap. No uplift, no
 * fee: without a positive uplift the fee is 0 and the floor does not apply.
 */
record Fee(BigDecimal beforeLimits, BigDecimal fee, String note) {

    static Fee of(BigDecimal uplift, Terms terms) {
        String currency = terms.currency();
        if (uplift.signum() <= 0) {
            return new Fee(MinorUnits.zero(currency), MinorUnits.zero(currency), "no uplift, no fee: the net profit "
                    + "is not above the baseline (uplift " + MinorUnits.text(uplift, currency) + ")");
        }
        BigDecimal computed = MinorUnits.round(terms.feeRate().multiply(uplift), currency);
        if (terms.floor() != null && computed.compareTo(terms.floor()) < 0) {
            return new Fee(computed, terms.floor(), "the monthly floor of " + terms.floor().toPlainString() + " applies");
        }
        if (terms.cap() != null && computed.compareTo(terms.cap()) > 0) {
            return new Fee(computed, terms.cap(), "the monthly cap of " + terms.cap().toPlainString() + " applies");
        }
        return new Fee(computed, computed, null);
    }
}
