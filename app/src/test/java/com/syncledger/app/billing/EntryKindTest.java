package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.ledger.LedgerEntry.Kind;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.problem.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kind of an entry gives the sign of its amount on net profit; only an adjustment is entered signed. */
class EntryKindTest {

    @Test
    void revenueAddsRefundsAndCostsSubtractAnAdjustmentKeepsItsSign() {
        assertThat(Kind.REVENUE.signedMicros(12_500_000)).isEqualTo(12_500_000);
        for (Kind cost : new Kind[] {Kind.REFUND, Kind.COGS, Kind.SHIPPING, Kind.PAYMENT_FEE, Kind.OTHER_COST}) {
            assertThat(cost.signedMicros(12_500_000)).as(cost.slug()).isEqualTo(-12_500_000);
        }
        assertThat(Kind.ADJUSTMENT.signedMicros(-12_500_000)).isEqualTo(-12_500_000);
        assertThat(Kind.ADJUSTMENT.signedMicros(3_000_000)).isEqualTo(3_000_000);
    }

    @Test
    void slugsAreStable() {
        assertThat(Arrays.stream(Kind.values()).map(Kind::slug)).containsExactly("revenue", "refund", "cogs",
                "shipping", "payment_fee", "other_cost", "adjustment");
        assertThat(Kind.fromSlug("payment_fee")).isEqualTo(Kind.PAYMENT_FEE);
        assertThatThrownBy(() -> Kind.fromSlug("gift")).hasMessageContaining("revenue, refund, cogs");
    }

    @Test
    void amountsArePositiveExceptAnAdjustmentWhichMustNotBeZero() {
        assertThat(entry("refund", "19.99").validated().amount().micros()).isEqualTo(19_990_000);
        assertThat(entry("adjustment", "-12.50").validated().amount().micros()).isEqualTo(-12_500_000);
        for (String kind : new String[] {"revenue", "refund", "cogs", "shipping", "payment_fee", "other_cost"}) {
            assertThatThrownBy(() -> entry(kind, "-1.00").validated()).as(kind)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields().get("amount"))
                            .contains("must be positive for " + kind));
            assertThatThrownBy(() -> entry(kind, "0").validated()).as(kind).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> entry("adjustment", "0.00").validated())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsEntry("amount", "an adjustment must not be zero"));
        assertThatThrownBy(() -> entry("revenue", "1e3").validated()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownCurrencyIsNamed() {
        assertThatThrownBy(() -> new LedgerEntryInput("e-1", "cogs", "2026-03-01", "5.00", "XYZ", null, null, null)
                .validated()).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("currency").containsEntry("currency",
                                "'XYZ' is not a known ISO-4217 currency code (e.g. EUR)"));
    }

    private static LedgerEntryInput entry(String kind, String amount) {
        return new LedgerEntryInput("e-1", kind, "2026-03-01", amount, "EUR", null, null, null);
    }
}
