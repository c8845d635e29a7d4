package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.LedgerEntriesCsv;
import com.syncledger.app.billing.RevenueCloses;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "A store's revenue and cost entries and its closed revenue period.",
        subcommands = {LedgerCommand.Import.class, LedgerCommand.Close.class, LedgerCommand.Closed.class})
final class LedgerCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Record the entries of a CSV file, all or none; a repeated file records nothing new.",
                    "Header: external_id,date,kind,amount,currency,platform,platform_campaign_id,description"})
    static final class Import extends StoreCommand {
        @Parameters(paramLabel = "FILE.csv") Path file;
        @Autowired LedgerEntries entries;

        @Override
        public Integer call() {
            List<LedgerEntries.Recorded> recorded;
            try {
                LedgerEntriesCsv.Parsed parsed = LedgerEntriesCsv.parse(InputFiles.read(file));
                recorded = entries.recordAll(store.id, parsed.entries(), Caller.CLI, parsed.batch());
            } catch (InvalidInputException e) {
                return session.refused(file, e);
            } catch (ConflictException e) {
                return session.refused(e);
            }
            long created = recorded.stream().filter(LedgerEntries.Recorded::created).count();
            session.out().printf("Store %d: %d entries recorded, %d already present%n", store.id, created,
                    recorded.size() - created);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close the store's revenue through a date: entries dated on or before it are refused.")
    static final class Close extends StoreCommand {
        @Option(names = "--through", required = true, paramLabel = "YYYY-MM-DD") String through;
        @Autowired RevenueCloses closes;

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
                changed = closes.close(store.id, date, Caller.CLI);
            } catch (ConflictException e) {
                return session.refused(e);
            }
            session.out().println(changed
                    ? "Revenue of store " + store.id + " is closed through " + date
                    : "Revenue of store " + store.id + " was already closed through " + date + "; nothing changed");
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "closed", mixinStandardHelpOptions = true,
            description = "Show the date the store's revenue is closed through.")
    static final class Closed extends StoreCommand {
        @Autowired Stores stores;
        @Autowired RevenueCloses closes;

        @Override
        public Integer call() {
            stores.get(store.id);
            var closed = closes.closedThrough(store.id);
            session.out().println(closed.map(d -> "Revenue of store " + store.id + " is closed through " + d)
                    .orElse("Revenue of store " + store.id + " is not closed"));
            return SyncLedgerCommand.OK;
        }
    }
}
