package com.syncledger.app.cli;

import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.views.ApiModel.StoreView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stores", mixinStandardHelpOptions = true, description = "Manage client stores.",
        subcommands = {StoresCommand.Add.class, StoresCommand.ListStores.class, StoresCommand.Show.class})
final class StoresCommand extends CommandGroup {

    static void print(PrintWriter out, Store s) {
        out.printf("%-5d %-30s %-24s %s%n", s.id(), s.name(), s.timeZone(), s.billingCurrency());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a store.")
    static final class Add implements Callable<Integer> {
        @Mixin Session session;
        @Autowired Stores stores;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--time-zone", required = true, description = "IANA zone, e.g. Europe/Berlin") String timeZone;
        @Option(names = "--currency", required = true, description = "billing currency, ISO-4217") String currency;

        @Override
        public Integer call() {
            StoreInput input = new StoreInput(name, timeZone, currency).validated();
            Store store = stores.create(input);
            session.out().println("Added store " + store.id() + ": " + store.name());
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stores.")
    static final class ListStores implements Callable<Integer> {
        @Mixin Session session;
        @Mixin JsonOption output;
        @Mixin PageOptions page;
        @Autowired Stores stores;

        @Override
        public Integer call() {
            PageOptions.Window window = page.window(Integer.MAX_VALUE, output.json);
            List<Store> list = stores.list(window.offset(), window.limit());
            return output.printPage(session.out(), list, window, StoreView::of,
                    rows -> rows.forEach(s -> print(session.out(), s)));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one store.")
    static final class Show implements Callable<Integer> {
        @Mixin Session session;
        @Mixin JsonOption output;
        @Parameters(paramLabel = "STORE_ID") long storeId;
        @Autowired Stores stores;

        @Override
        public Integer call() {
            Store store = stores.get(storeId);
            return output.print(session.out(), store, StoreView::of, s -> print(session.out(), s));
        }
    }
}
