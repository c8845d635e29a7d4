package com.syncledger.app.cli;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.database.BackgroundPostgres;
import com.syncledger.app.database.DatabaseSettings;
import com.syncledger.app.database.DatabaseConfiguration.DatabaseServer;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The first experience: the sandbox platforms, an embedded database and the API on :8090, "
                + "all local. Stop with Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    private final Env env;

    @Spec
    CommandSpec spec;

    DemoCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // It runs for as long as the user lets it: the fakes keep only their recent requests.
        Sandbox sandbox = Sandbox.startWithDemoData().recordAtMost(1_000);
        // The demo's own data directory, so it never mixes with real data.
        String home = DatabaseSettings.fromEnv(env).home().resolve("demo").toString();
        NewApiKey apiKey = NewApiKey.generate(Role.WRITE);
        Env demoEnv = Env.of(sandbox.environment())
                .orElse(Env.of(Map.of("SYNCLEDGER_HOME", home, ApiKeys.VARIABLE, apiKey.entry())))
                .orElse(DemoCommand::sandboxRateLimit)
                .orElse(name -> name.startsWith("SYNCLEDGER_") && !name.startsWith("SYNCLEDGER_DB_")
                        && !name.equals("SYNCLEDGER_HOME") ? env.raw(name) : null);
        out.println("SyncLedger demo: every platform is a local sandbox fake; nothing leaves this machine.");
        out.println();
        PlatformsCommand.print(demoEnv, out);
        out.println();
        DemoFetch.print(demoEnv, out);
        out.println();
        out.println("Starting the service...");
        out.flush();
        ConfigurableApplicationContext context = SpringContexts.server(demoEnv);
        String port = context.getEnvironment().getProperty("local.server.port", "8090");
        out.println("Database: " + context.getBean(DatabaseServer.class).describe());
        out.println();
        List<Store> stores = DemoStores.ensure(context);
        out.println("Syncing the demo stores (a first run backfills each account as far as its platform retains data)...");
        out.flush();
        try (SyncCommand.ProgressBarProgress progress = SyncCommand.ProgressBarProgress.onTerminal()) {
            SyncCommand.print(out, context.getBean(SyncService.class).syncAll(null, progress));
        }
        AdAccounts accounts = context.getBean(AdAccounts.class);
        List<DateRange> windows = stores.stream().map(store -> lastThirtyDays(store, accounts.linked(store.id())))
                .toList();
        for (int i = 0; i < stores.size(); i++) {
            out.println();
            out.println(stores.get(i).name() + ", last 30 days:");
            SpendCommand.print(out, context.getBean(SpendQueries.class).read(stores.get(i).id(), windows.get(i)));
        }
        out.println();
        out.println("Billing: demo revenue and costs, terms with a baseline, revenue closed, and each store's "
                + "statement, issued when every day it rests on is settled.");
        List<DemoBilling.Billed> statements = stores.stream().map(store -> DemoBilling.issue(context, store)).toList();
        for (DemoBilling.Billed statement : statements) {
            out.println();
            StatementCommand.print(out, statement.document(), false);
            if (!statement.issued()) {
                out.println("Not issued: the statement stays provisional until these gaps are gone (missing is never "
                        + "counted as zero):");
                statement.gaps().forEach(gap -> out.println("  " + gap.describe()));
            }
        }
        out.println();
        DemoAccess access = new DemoAccess(apiKey, "http://localhost:" + port);
        access.printKey(out);
        out.println();
        out.println("Try:");
        out.println("  curl http://localhost:" + port + "/healthz");
        out.println("  " + access.curl("/stores"));
        out.println("  " + access.curl("/stores/" + stores.getFirst().id() + "/spend?from="
                + windows.getFirst().from() + "&to=" + windows.getFirst().to()));
        out.println("  " + access.curl("/stores/" + stores.getFirst().id() + "/sync-runs"));
        String statementPath = statements.getFirst().path();
        out.println("  " + access.curl(statementPath));
        out.println("  " + access.curl(statementPath + "/document.html") + " -o statement.html");
        out.println("  " + access.curl("/actuator/prometheus"));
        out.println("  Swagger UI: http://localhost:" + port + "/swagger-ui.html (Authorize with the key)");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
        // The demo's database is the demo's own: it stops with the demo instead of staying in the background.
        ServeCommand.awaitShutdown(context, sandbox, () -> BackgroundPostgres.of(Path.of(home)).stop());
        return SyncLedgerCommand.OK;
    }

    /**
     * The 30 days up to the last day that has ended for the store and for every account it links, so the demo
     * shows a window it can show whole: an account west of the store is still spending the store's yesterday
     * (Los Angeles from 05:00 to 08:00 UTC, for a New York store).
     */
    private static DateRange lastThirtyDays(Store store, List<AdAccount> accounts) {
        LocalDate yesterday = Stream.concat(Stream.of(store.timeZone()), accounts.stream().map(AdAccount::timeZone))
                .filter(Objects::nonNull)
                .map(zone -> LocalDate.now(ZoneId.of(zone)).minusDays(1))
                .min(Comparator.naturalOrder()).orElseThrow();
        return DateRange.of(yesterday.minusDays(29), yesterday);
    }

    /**
     * The fakes have no request budget, so the demo does not pace itself by the real platforms' limits
     * (Amazon's one request per second would stretch a backfill to minutes).
     */
    private static String sandboxRateLimit(String name) {
        return name.startsWith("SYNCLEDGER_FETCH_RATE_LIMIT_") ? "1000/1s" : null;
    }
}
