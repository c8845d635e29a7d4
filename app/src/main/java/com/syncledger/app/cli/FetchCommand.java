package com.syncledger.app.cli;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.FetchSettings;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch the daily spend of ad accounts from their platforms, all at once; no database needed.",
                "With a database (SYNCLEDGER_DB_URL, or the embedded one in SYNCLEDGER_HOME) refresh tokens the "
                        + "platforms rotated are read from it and stored in it.",
                "The range is inclusive, in calendar days of each account's own time zone.",
                "Exit status: 0 every account fetched, 1 some failed or are not configured, 2 invalid input."})
final class FetchCommand implements Callable<Integer> {

    @Mixin Session session;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    String to;

    @Option(names = "--account", required = true, paramLabel = "PLATFORM=ID",
            description = "An ad account, e.g. meta=act_1234567890; repeat for more.")
    List<String> accounts;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = session.out();
        FetchInput input;
        FetchSettings settings;
        try {
            input = FetchInput.parse(from, to, accounts, LocalDate.now(ZoneOffset.UTC));
            settings = FetchSettings.fromEnv(session.env());
        } catch (IllegalArgumentException e) {
            return session.refused(e);
        }
        List<AccountFetch> results = PlatformSession.run(session.env(), settings, engine -> engine.fetch(input.requests()));
        if (json) {
            out.println(SpendJson.render(input.range(), results));
        } else {
            out.println("Spend " + input.range().from() + " to " + input.range().to() + " (days in each account's time zone)");
            out.println();
            SpendTable.print(results, out);
        }
        out.flush();
        return results.stream().allMatch(AccountFetch::isOk) ? SyncLedgerCommand.OK : SyncLedgerCommand.FAILED;
    }
}
