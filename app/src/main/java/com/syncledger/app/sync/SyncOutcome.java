package com.syncledger.app.sync;

import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.DateRange;

/** What one sync did for one linked account. {@code error} is null when it succeeded. */
public record SyncOutcome(AdAccount account, long syncRunId, DateRange range, WriteCounts counts, String status,
        String error) {

    public boolean succeeded() {
        return error == null;
    }
}
