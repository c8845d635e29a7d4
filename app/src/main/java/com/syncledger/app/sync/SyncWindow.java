package com.syncledger.app.sync;

import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which days a sync reads for an account, in the account's own calendar: an explicit range when given;
 * otherwise, for an account never synced, everything the platform still retains (a backfill), and for
 * the others the platform's restatement window — always up to yesterday in the account's time zone.
 */
final class SyncWindow {

    private SyncWindow() {
    }

    static DateRange of(DateRange explicit, boolean backfill, ConnectorDescriptor descriptor, ZoneId zone, Clock clock) {
        if (explicit != null) {
            return explicit;
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        int days = backfill ? descriptor.retentionDays() : descriptor.restatementDays();
        return DateRange.of(yesterday.minusDays(days - 1L), yesterday);
    }
}
