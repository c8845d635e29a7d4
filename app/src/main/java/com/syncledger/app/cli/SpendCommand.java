package com.syncledger.app.cli;

import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.views.ApiJson;
import com.syncledger.app.views.ApiModel.SpendView;
import com.syncledger.connectors.spi.DateRange;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spend", mixinStandardHelpOptions = true,
        description = {"Show a store's stored spend per account over a range, and how complete it is.",
                "Exit 1 when the range is incomplete."})
final class SpendCommand implements Callable<Integer> {

    @Mixin
    Session session;

    @Mixin
    StoreOption store;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    String to;

    @Option(names = "--json", description = "Print the API's spend document (GET /stores/{id}/spend): each account "
            + "with its days, per platform and per currency totals.")
    boolean json;

    @Autowired
    SpendQueries queries;

    @Override
    public Integer call() {
        DateRange range = DateRange.parse(from, to);
        StoreSpend spend = queries.read(store.id, range);
        if (json) {
            session.out().println(ApiJson.write(SpendView.of(spend)));
        } else {
            print(session.out(), spend);
        }
        return spend.complete() ? SyncLedgerCommand.OK : SyncLedgerCommand.FAILED;
    }

    static void print(PrintWriter out, StoreSpend spend) {
        out.printf("Store %d, %s%n", spend.storeId(), spend.range());
        out.printf("%-10s %-38s %-13s %-4s %16s%n", "PLATFORM", "ACCOUNT", "STATUS", "CUR", "SPEND");
        for (AccountSpend a : spend.accounts()) {
            out.printf("%-10s %-38s %-13s %-4s %16s%n", a.platform().slug(), a.externalId(), a.status().slug(),
                    a.currency() == null ? "-" : a.currency(), a.total() == null ? "-" : a.total().toDecimalString());
            if (!a.missingDays().isEmpty()) {
                out.printf("           missing %d day(s), first %s%n", a.missingDays().size(), a.missingDays().getFirst());
            }
            if (a.lastSyncError() != null) {
                out.printf("           last sync failed: %s%n", a.lastSyncError());
            }
        }
        spend.totals().forEach(t -> out.printf("Total %s: %s%n", t.currency(), t.toDecimalString()));
        out.println(spend.complete() ? "Complete." : "INCOMPLETE: some accounts are missing days or stale.");
    }
}
