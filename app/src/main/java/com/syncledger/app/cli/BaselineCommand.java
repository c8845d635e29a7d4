package com.syncledger.app.cli;

import com.syncledger.app.ledger.Baseline;
import com.syncledger.app.ledger.Baselines;
import com.syncledger.app.views.ApiModel.BaselineView;
import com.syncledger.connectors.spi.DateRange;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Baseline snapshots of a store's spend.",
        subcommands = {BaselineCommand.Create.class, BaselineCommand.ListBaselines.class})
final class BaselineCommand extends CommandGroup {

    static void print(PrintWriter out, Baseline b) {
        out.printf("Baseline %d of store %d, %s%s, built from %d spend versions%n", b.id(), b.storeId(), b.range(),
                b.provisional() ? " (PROVISIONAL)" : "", b.spendVersions());
        b.gaps().forEach(g -> out.println("  gap: " + g));
        for (Baseline.Amounts amounts : b.amounts()) {
            amounts.platforms().forEach((platform, money) ->
                    out.printf("  %-10s %16s %s%n", platform.slug(), money.toDecimalString(), money.currency()));
            out.printf("  %-10s %16s %s%n", "total", amounts.total().toDecimalString(), amounts.currency());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Snapshot per-platform spend; refused unless every account is complete and fresh.")
    static final class Create extends StoreCommand {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") String from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD") String to;
        @Option(names = "--provisional", description = "take it anyway, recording what is missing") boolean provisional;
        @Mixin JsonOption output;
        @Autowired Baselines baselines;

        @Override
        public Integer call() {
            DateRange range = DateRange.parse(from, to);
            Baseline created = baselines.create(store.id, range, provisional);
            return output.print(session.out(), created, BaselineView::of, b -> print(session.out(), b));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a store's baselines.")
    static final class ListBaselines extends StoreCommand {
        @Mixin JsonOption output;
        @Mixin PageOptions page;
        @Autowired Baselines baselines;

        @Override
        public Integer call() {
            PageOptions.Window window = page.window(PageOptions.MAX_LIMIT, output.json);
            List<Baseline> list = baselines.list(store.id, window.offset(), window.limit());
            return output.printPage(session.out(), list, window, BaselineView::of,
                    rows -> rows.forEach(b -> print(session.out(), b)));
        }
    }
}
