package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.FxRate;
import com.syncledger.app.billing.FxRates;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fx", mixinStandardHelpOptions = true,
        description = "Dated exchange rates: the ECB's reference rates and rates set by hand. A rate never changes.",
        subcommands = {FxCommand.Import.class, FxCommand.Set.class, FxCommand.ListRates.class})
final class FxCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the ECB's euro reference rates (eurofxref-hist.csv); all or none.")
    static final class Import implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE.csv") Path file;

        Import(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            FxRates.Recorded recorded;
            try {
                var csv = InputFiles.read(file);
                recorded = LedgerSession.run(env, c -> c.getBean(FxRates.class).importEcb(csv, Caller.CLI));
            } catch (InvalidInputException e) {
                InputFiles.printProblems(spec.commandLine().getErr(), file, e);
                return SyncLedgerCommand.INVALID_INPUT;
            } catch (ConflictException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return SyncLedgerCommand.INVALID_INPUT;
            }
            spec.commandLine().getOut().printf("ECB rates: %d recorded, %d already present%n", recorded.recorded(),
                    recorded.alreadyPresent());
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Record one rate by hand: 1 BASE = RATE QUOTE on the date (source manual).")
    static final class Set implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD") String date;
        @Option(names = "--base", required = true, paramLabel = "CUR") String base;
        @Option(names = "--quote", required = true, paramLabel = "CUR") String quote;
        @Option(names = "--rate", required = true, paramLabel = "DECIMAL") String rate;
        @Option(names = "--source", paramLabel = "NAME", description = "default: manual") String source;

        Set(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            FxRates.SetRate set;
            try {
                set = LedgerSession.run(env, c -> c.getBean(FxRates.class).set(date, base, quote, rate, source,
                        Caller.CLI));
            } catch (ConflictException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return SyncLedgerCommand.INVALID_INPUT;
            }
            spec.commandLine().getOut().println((set.created() ? "Recorded " : "Already recorded, nothing changed: ")
                    + line(set.rate()));
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rates of the days from..to.")
    static final class ListRates implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") String from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD") String to;
        @Option(names = "--quote", paramLabel = "CUR") String quote;

        ListRates(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            DateRange range = DateRange.parse(from, to);
            String quoteCode = quote == null ? null : quote.strip().toUpperCase(Locale.ROOT);
            List<FxRate> rates = LedgerSession.run(env, c -> c.getBean(FxRates.class).list(range.from(), range.to(),
                    quoteCode));
            PrintWriter out = spec.commandLine().getOut();
            rates.forEach(r -> out.println(line(r)));
            if (rates.isEmpty()) {
                out.println("No rates from " + range.from() + " to " + range.to());
            }
            return SyncLedgerCommand.OK;
        }
    }

    private static String line(FxRate r) {
        return String.format("%s  1 %s = %s %s  (%s)", r.day(), r.base(), r.rate().toPlainString(), r.quote(),
                r.source());
    }
}
