package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.LedgerEntriesCsv;
import com.syncledger.app.billing.RevenueCloses;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.wire.Env;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "A store's revenue and cost entries and its closed revenue period.",
        subcommands = {LedgerCommand.Import.class, LedgerCommand.Close.class, LedgerCommand.Closed.class})
final class LedgerCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Record the entries of a CSV file, all or none; a repeated file records nothing new.",
                    "Header: external_id,date,kind,amount,currency,platform,platform_campaign_id,description"})
    static final class Import implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;
        @Parameters(paramLabel = "FILE.csv") Path file;

        Import(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            List<LedgerEntries.Recorded> recorded;
            try {
                LedgerEntriesCsv.Parsed parsed = LedgerEntriesCsv.parse(InputFiles.read(file));
                recorded = LedgerSession.run(env, c -> c.getBean(LedgerEntries.class)
                        .recordAll(storeId, parsed.entries(), Caller.CLI, parsed.batch()));
            } catch (InvalidInputException e) {
                InputFiles.printProblems(spec.commandLine().getErr(), file, e);
                return SyncLedgerCommand.INVALID_INPUT;
            } catch (ConflictException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return SyncLedgerCommand.INVALID_INPUT;
            }
            long created = recorded.stream().filter(LedgerEntries.Recorded::created).count();
            spec.commandLine().getOut().printf("Store %d: %d entries recorded, %d already present%n", storeId, created,
                    recorded.size() - created);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close the store's revenue through a date: entries dated on or before it are refused.")
    static final class Close implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;
        @Option(names = "--through", required = true, paramLabel = "YYYY-MM-DD") String through;

        Close(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            LocalDate date;
            try {
                date = LocalDate.parse(through);
            } catch (DateTimeException e) {
                throw new InvalidInputException("--through", "'" + through + "' is not a date YYYY-MM-DD");
            }
            boolean changed;
            try {
                changed = LedgerSession.run(env, c -> c.getBean(RevenueCloses.class).close(storeId, date, Caller.CLI));
            } catch (ConflictException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return SyncLedgerCommand.INVALID_INPUT;
            }
            spec.commandLine().getOut().println(changed
                    ? "Revenue of store " + storeId + " is closed through " + date
                    : "Revenue of store " + storeId + " was already closed through " + date + "; nothing changed");
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "closed", mixinStandardHelpOptions = true,
            description = "Show the date the store's revenue is closed through.")
    static final class Closed implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--store", required = true) long storeId;

        Closed(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            var closed = LedgerSession.run(env, c -> {
                c.getBean(com.syncledger.app.ledger.Stores.class).get(storeId);
                return c.getBean(RevenueCloses.class).closedThrough(storeId);
            });
            spec.commandLine().getOut().println(closed.map(d -> "Revenue of store " + storeId + " is closed through " + d)
                    .orElse("Revenue of store " + storeId + " is not closed"));
            return SyncLedgerCommand.OK;
        }
    }
}
