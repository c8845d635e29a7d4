package com.syncledger.app.cli;

import com.syncledger.app.billing.BillingAudit;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.views.ApiJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The billing audit trail.",
        subcommands = {AuditCommand.ListEvents.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Billing writes, newest first: when, who (cli or an API key's fingerprint), what.")
    static final class ListEvents implements Callable<Integer> {
        @Mixin Session session;
        @Option(names = "--store", description = "only this store's writes") Long storeId;
        @Option(names = "--limit", defaultValue = "100") int limit;
        @Option(names = "--json", description = "one JSON array") boolean asJson;
        @Autowired Stores stores;
        @Autowired BillingAudit audit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("--limit must be between 1 and 10000");
            }
            PrintWriter out = session.out();
            if (storeId != null) {
                stores.get(storeId);
            }
            List<BillingAudit.Event> events = audit.list(storeId, 0, limit);
            out.print(asJson ? json(events) : text(events));
            if (asJson) {
                out.println();
            }
            out.flush();
            return SyncLedgerCommand.OK;
        }

        private static String json(List<BillingAudit.Event> events) {
            return ApiJson.write(events.stream().map(e -> {
                ObjectNode node = ApiJson.object();
                node.put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action());
                if (e.storeId() == null) {
                    node.putNull("storeId");
                } else {
                    node.put("storeId", e.storeId());
                }
                node.set("details", ApiJson.read(e.details()));
                return node;
            }).toList());
        }

        private static String text(List<BillingAudit.Event> events) {
            StringBuilder text = new StringBuilder();
            events.forEach(e -> text.append(String.format("%6d  %s  %-17s  %-22s  %-7s  %s%n", e.id(), e.at(),
                    e.actor(), e.action(), e.storeId() == null ? "-" : "store " + e.storeId(), e.details())));
            return text.isEmpty() ? "No audit events\n" : text.toString();
        }
    }
}
