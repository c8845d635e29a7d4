package com.syncledger.app.cli;

import com.syncledger.app.ledger.Stores;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.app.views.ApiModel.SyncRunView;
import com.syncledger.connectors.spi.DateRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Fetch and store spend. Without --from/--to each account re-reads its platform's restatement "
                + "window up to yesterday in its own time zone; a newly linked account is backfilled as far as the "
                + "platform retains data. Exit 1 when any account failed.",
        subcommands = SyncCommand.Runs.class)
final class SyncCommand implements Callable<Integer> {

    @Mixin
    Session session;

    /** One of the two is required to sync; optional to picocli so that {@code sync runs} needs neither. */
    @ArgGroup(multiplicity = "0..1")
    Target target;

    static final class Target {
        @Option(names = "--store", description = "sync one store") Long storeId;
        @Option(names = "--all", description = "sync every store") boolean all;
    }

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    String to;

    @Autowired
    SyncService sync;

    @Override
    public Integer call() {
        if (target == null) {
            throw new CommandLine.ParameterException(session.command.commandLine(),
                    "Missing required argument (specify one of these): (--store=<storeId> | --all)");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("give both --from and --to, or neither");
        }
        DateRange range = from == null ? null : DateRange.parse(from, to);
        List<SyncOutcome> outcomes;
        try (ProgressBarProgress progress = ProgressBarProgress.onTerminal()) {
            outcomes = target.all ? sync.syncAll(range, progress) : sync.syncStore(target.storeId, range, progress);
        }
        print(session.out(), outcomes);
        return outcomes.stream().allMatch(SyncOutcome::succeeded) ? SyncLedgerCommand.OK : SyncLedgerCommand.FAILED;
    }

    static void print(PrintWriter out, List<SyncOutcome> outcomes) {
        out.printf("%-6s %-10s %-38s %-23s %5s %9s %10s  %s%n", "STORE", "PLATFORM", "ACCOUNT", "RANGE", "NEW",
                "RESTATED", "UNCHANGED", "STATUS");
        for (SyncOutcome o : outcomes) {
            out.printf("%-6d %-10s %-38s %-23s %5d %9d %10d  %s%n", o.account().storeId(), o.account().platform().slug(),
                    o.account().externalId(), o.range() == null ? "-" : o.range().toString(), o.counts().newDays(),
                    o.counts().restatedDays(), o.counts().unchangedDays(),
                    o.succeeded() ? "ok" : "FAILED " + o.error());
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = "List a store's sync runs, newest first, with their outcome and error.")
    static final class Runs extends StoreCommand {
        @Mixin JsonOption output;
        @Mixin PageOptions page;
        @Autowired Stores stores;
        @Autowired SyncRuns syncRuns;

        @Override
        public Integer call() {
            PageOptions.Window window = page.window(PageOptions.MAX_LIMIT, output.json);
            stores.get(store.id);
            List<SyncRun> runs = syncRuns.forStore(store.id, window.offset(), window.limit());
            return output.printPage(session.out(), runs, window, SyncRunView::of, rows -> print(session.out(), rows));
        }

        private static void print(PrintWriter out, List<SyncRun> runs) {
            out.printf("%-6s %-7s %-23s %-9s %-24s %5s %9s %10s  %-16s %s%n", "RUN", "ACCOUNT", "RANGE", "STATUS",
                    "STARTED", "NEW", "RESTATED", "UNCHANGED", "INSTANCE", "ERROR");
            for (SyncRun r : runs) {
                out.printf("%-6d %-7d %-23s %-9s %-24s %5d %9d %10d  %-16s %s%n", r.id(), r.adAccountId(),
                        r.rangeFrom() + ".." + r.rangeTo(), r.status(), r.startedAt(), r.daysNew(), r.daysRestated(),
                        r.daysUnchanged(), r.instance() == null ? "-" : r.instance(),
                        r.errorKind() == null ? "" : r.errorKind() + ": " + r.errorMessage());
            }
        }
    }

    /** A progress bar while a terminal is attached; silent otherwise (cron, pipes, tests). */
    static final class ProgressBarProgress implements SyncProgress, AutoCloseable {
        private final me.tongfei.progressbar.ProgressBar bar;
        private long planned;

        private ProgressBarProgress(me.tongfei.progressbar.ProgressBar bar) {
            this.bar = bar;
        }

        static ProgressBarProgress onTerminal() {
            return new ProgressBarProgress(System.console() == null ? null
                    : new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("Syncing account-days")
                            .setInitialMax(0).continuousUpdate().build());
        }

        @Override
        public synchronized void planned(int days) {
            planned += days;
            if (bar != null) {
                bar.maxHint(planned);
            }
        }

        @Override
        public void done(int days) {
            if (bar != null) {
                bar.stepBy(days);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
