package com.syncledger.app.billing;

import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.List;

/**
 * What changed in an issued statement's data since it was issued, day by day, and the adjustment a next
 * statement would carry for it now.
 */
public record StatementDiff(IssuedStatement statement, List<ChangedDay> days, Statement.Adjustment pendingAdjustment) {

    /** One pinned account-day whose current value differs from the pinned one (amounts in the account's currency). */
    public record ChangedDay(Platform platform, String account, LocalDate day, String pinned, String current,
            String currency) {
    }
}
