package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.FxRate;
import com.syncledger.app.billing.FxRates;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fx", mixinStandardHelpOptions = true,
        description = "Dated exchange rates: the ECB's reference rates and rates set by hand. A rate never changes.",
        subcommands = {FxCommand.Import.class, FxCommand.Set.class, FxCommand.ListRates.class})
final class FxCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the ECB's euro reference rates (eurofxref-hist.csv); all or none.")
    static final class Import implements Callable<Integer> {
        @Mixin Session session;
        @Parameters(paramLabel = "FILE.csv") Path file;
        @Autowired FxRates rates;

        @Override
        public Integer call() {
            FxRates.Recorded recorded;
            try {
                var csv = InputFiles.read(file);
                recorded = rates.importEcb(csv, Caller.CLI);
            } catch (InvalidInputException e) {
                return session.refused(file, e);
            } catch (ConflictException e) {
                return session.refused(e);
            }
            session.out().printf("ECB rates: %d recorded, %d already present%n", recorded.recorded(),
                    recorded.alreadyPresent());
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Record one rate by hand: 1 BASE = RATE QUOTE on the date (source manual).")
    static final class Set implements Callable<Integer> {
        @Mixin Session session;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD") String date;
        @Option(names = "--base", required = true, paramLabel = "CUR") String base;
        @Option(names = "--quote", required = true, paramLabel = "CUR") String quote;
        @Option(names = "--rate", required = true, paramLabel = "DECIMAL") String rate;
        @Option(names = "--source", paramLabel = "NAME", description = "default: manual") String source;
        @Autowired FxRates rates;

        @Override
        public Integer call() {
            FxRates.SetRate set;
            try {
                set = rates.set(date, base, quote, rate, source, Caller.CLI);
            } catch (ConflictException e) {
                return session.refused(e);
            }
            session.out().println((set.created() ? "Recorded " : "Already recorded, nothing changed: ")
                    + line(set.rate()));
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rates of the days from..to.")
    static final class ListRates implements Callable<Integer> {
        @Mixin Session session;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") String from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD") String to;
        @Option(names = "--quote", paramLabel = "CUR") String quote;
        @Autowired FxRates fx;

        @Override
        public Integer call() {
            DateRange range = DateRange.parse(from, to);
            String quoteCode = quote == null ? null : quote.strip().toUpperCase(Locale.ROOT);
            List<FxRate> rates = fx.list(range.from(), range.to(), quoteCode);
            PrintWriter out = session.out();
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
