package com.syncledger.app.billing;

import com.syncledger.app.ledger.LedgerEntry;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;

/** What a statement is computed from: current spend days and ledger entries, each with its id to pin. */
final class BillingItems {

    private BillingItems() {
    }

    /** The current value of one account-day, in the account's currency. */
    record SpendItem(long versionId, long accountId, Platform platform, String externalId, LocalDate day,
            long micros, String currency) {
    }

    /** A ledger entry as recorded: a positive amount whose kind gives its sign (an adjustment is signed). */
    record EntryItem(long id, LedgerEntry.Kind kind, LocalDate date, long micros, String currency, Platform platform) {

        /** A row with ledger_entry's columns id, kind, entry_date, amount_micros, currency and platform. */
        static EntryItem map(ResultSet rs, int row) throws SQLException {
            String platform = rs.getString("platform");
            return new EntryItem(rs.getLong("id"),
                    LedgerEntry.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                    rs.getDate("entry_date").toLocalDate(), rs.getLong("amount_micros"), rs.getString("currency"),
                    platform == null ? null : Platform.fromSlug(platform));
        }
    }
}
