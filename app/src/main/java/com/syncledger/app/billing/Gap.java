package com.syncledger.app.billing;

import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;

/**
 * Something a statement cannot rest on yet; any gap keeps it provisional. {@code part} says whether it is
 * in the billing period or in the baseline period; fields that do not apply to the kind are null.
 */
public record Gap(Kind kind, String part, Platform platform, String account, LocalDate from, LocalDate to,
        String currency, String detail) {

    public enum Kind {
        /** Days of a linked account that have no spend at all. */
        MISSING_DAYS,
        /** The account's last sync failed: its days are the last known values. */
        STALE_ACCOUNT,
        /** Days still inside the platform's restatement window when last fetched. */
        UNSETTLED_DAYS,
        /** No FX rate for a currency on a day (never guessed). */
        MISSING_FX_RATE,
        /** Days whose revenue is not closed yet. */
        OPEN_REVENUE;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line for people, e.g. for stderr. */
    public String describe() {
        StringBuilder text = new StringBuilder(part).append(": ").append(kind.slug());
        if (platform != null) {
            text.append(' ').append(platform.slug()).append(" account ").append(account);
        }
        if (currency != null) {
            text.append(' ').append(currency);
        }
        if (from != null) {
            text.append(' ').append(from.equals(to) ? from.toString() : from + ".." + to);
        }
        if (detail != null) {
            text.append(" (").append(detail).append(')');
        }
        return text.toString();
    }
}
