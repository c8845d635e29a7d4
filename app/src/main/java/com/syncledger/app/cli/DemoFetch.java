package com.syncledger.app.cli;

import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/** The demo's first fetch: the last 30 days of every demo account, read from the sandbox like a real fetch. */
final class DemoFetch {

    static final int DAYS = 30;

    private DemoFetch() {
    }

    static void print(Env sandboxEnv, PrintWriter out) {
        List<FetchRequest> requests = DemoData.ACCOUNTS.stream()
                .map(a -> new FetchRequest(AccountId.of(Platform.fromSlug(a.platform()), a.id()),
                        // The last 30 complete days in the account's own time zone.
                        info -> lastDays(LocalDate.now(info.timeZone()))))
                .toList();
        out.println("Spend of the demo accounts, last " + DAYS + " complete days in each account's time zone:");
        out.println();
        SpendTable.print(FetchEngine.builder(sandboxEnv).build().fetch(requests), out);
    }

    static DateRange lastDays(LocalDate today) {
        return DateRange.of(today.minusDays(DAYS), today.minusDays(1));
    }
}
