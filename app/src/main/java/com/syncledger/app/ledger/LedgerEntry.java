package com.syncledger.app.ledger;

import com.syncledger.app.problem.Slugs;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A revenue, refund, cost or adjustment entry of a store, optionally attributed to a platform and campaign.
 * The amount is stored as sent: positive for every kind but {@code adjustment}, which carries its own sign.
 */
public record LedgerEntry(long id, long storeId, String externalId, Kind kind, LocalDate date, Money amount,
        Platform platform, String platformCampaignId, String description, Instant createdAt) {

    /** The entry's amount with the sign it has on net profit. */
    public long signedMicros() {
        return kind.signedMicros(amount.micros());
    }

    /** What an entry is, and so which way it moves net profit. */
    public enum Kind {
        REVENUE(1), REFUND(-1), COGS(-1), SHIPPING(-1), PAYMENT_FEE(-1), OTHER_COST(-1), ADJUSTMENT(1);

        private final int sign;

        Kind(int sign) {
            this.sign = sign;
        }

        public String slug() {
            return Slugs.of(this);
        }

        /** @throws IllegalArgumentException naming the kinds there are */
        public static Kind fromSlug(String slug) {
            return Slugs.find(Kind.class, slug).orElseThrow(() -> new IllegalArgumentException("must be one of " + slugs()));
        }

        public static String slugs() {
            return Slugs.all(Kind.class);
        }

        /** Only an adjustment is entered with its own sign; every other kind is entered as a positive amount. */
        public boolean isSigned() {
            return this == ADJUSTMENT;
        }

        /**
         * The effect on net profit of an amount of this kind, in micros: revenue adds, refunds and costs
         * subtract, an adjustment adds its own signed amount.
         */
        public long signedMicros(long amountMicros) {
            return Math.multiplyExact(sign, amountMicros);
        }
    }
}
