package com.syncledger.app.cli;

import com.syncledger.app.billing.BillingAudit;
import com.syncledger.app.ledger.Stores;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

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

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("--limit must be between 1 and 10000");
            }
            PrintWriter out = session.out();
            String printed = session.call(c -> {
                if (storeId != null) {
                    c.getBean(Stores.class).get(storeId);
                }
                List<BillingAudit.Event> events = c.getBean(BillingAudit.class).list(storeId, 0, limit);
                JsonMapper json = c.getBean(JsonMapper.class);
                if (asJson) {
                    return json.writerWithDefaultPrettyPrinter().writeValueAsString(events.stream().map(e -> {
                        var node = json.createObjectNode();
                        node.put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor())
                                .put("action", e.action());
                        if (e.storeId() == null) {
                            node.putNull("storeId");
                        } else {
                            node.put("storeId", e.storeId());
                        }
                        node.set("details", json.readTree(e.details()));
                        return node;
                    }).toList());
                }
                StringBuilder text = new StringBuilder();
                events.forEach(e -> text.append(String.format("%6d  %s  %-17s  %-22s  %-7s  %s%n", e.id(), e.at(),
                        e.actor(), e.action(), e.storeId() == null ? "-" : "store " + e.storeId(), e.details())));
                return text.isEmpty() ? "No audit events\n" : text.toString();
            });
            out.print(printed);
            if (asJson) {
                out.println();
            }
            out.flush();
            return SyncLedgerCommand.OK;
        }
    }
}
