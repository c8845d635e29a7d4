package com.syncledger.app.billing;

import com.syncledger.app.ledger.LedgerEntry;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;

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
    }
}
