package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The connector requests of one account: its resolved range cut into the platform's longest request, and
 * the reasons not to ask at all. A day that has not begun in the account's time zone, or one older than
 * the platform still keeps, would come back as zero spend: a silent zero, so it is refused instead.
 */
record AccountPlan(DateRange range, List<DateRange> chunks) {

    static AccountPlan of(DateRange range, ConnectorDescriptor descriptor, boolean newestFirst) {
        List<DateRange> chunks = new ArrayList<>(range.split(descriptor.maxDaysPerRequest()));
        if (newestFirst) {
            // Backfills take the newest days first: they matter most and the platform may drop the oldest.
            Collections.reverse(chunks);
        }
        return new AccountPlan(range, List.copyOf(chunks));
    }

    /** Why the platform cannot answer for every day of {@code range}, if it cannot. */
    static Optional<String> outOfReach(DateRange range, AccountInfo info, ConnectorDescriptor descriptor, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(info.timeZone()));
        String platform = descriptor.platform().displayName();
        if (range.to().isAfter(today)) {
            return Optional.of("the range ends on " + range.to() + ", after today (" + today + ") in the account's time "
                    + "zone " + info.timeZone().getId() + "; " + platform + " has no spend for days that have not begun");
        }
        if (descriptor.retentionDays() > 0) {
            LocalDate oldest = today.minusDays(descriptor.retentionDays());
            if (range.from().isBefore(oldest)) {
                return Optional.of("the range starts on " + range.from() + ", before the oldest day " + platform
                        + " still serves (" + oldest + ", " + descriptor.retentionDays()
                        + " days back in the account's time zone)");
            }
        }
        return Optional.empty();
    }
}
