package com.syncledger.app.cli;

import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.IssuedStatement;
import com.syncledger.app.billing.StatementDiff;
import com.syncledger.app.billing.StatementRefusedException;
import com.syncledger.app.billing.Statements;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code statement preview|issue|show|list|diff|export}: exit 0 on success, 1 when an issue is refused, 2 on bad
 * input.
 */
@Command(name = "statement", mixinStandardHelpOptions = true, description = "Success-fee statements of a store.",
        subcommands = {StatementCommand.Preview.class, StatementCommand.Issue.class, StatementCommand.Show.class,
                StatementCommand.ListStatements.class, StatementCommand.Diff.class, StatementExportCommand.class})
final class StatementCommand extends CommandGroup {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The options every statement command takes. */
    static final class StoreAndPeriod {
        @Option(names = "--store", required = true) long storeId;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM") String period;
        @Option(names = "--json", description = "print the statement JSON document") boolean json;
    }

    /** Prints a statement document as JSON or as a table. */
    static void print(PrintWriter out, String document, boolean json) {
        if (json) {
            out.println(document);
        } else {
            StatementText.print(out, JSON.readTree(document));
        }
    }

    /** A command that reads one period's statement with the billing facade and prints it. */
    abstract static class PeriodCommand implements Callable<Integer> {
        @Mixin Session session;
        @Mixin StoreAndPeriod options;
        @Autowired Statements statements;

        abstract int run(Statements statements, BillingPeriod period, PrintWriter out, PrintWriter err);

        @Override
        public Integer call() {
            BillingPeriod period = BillingPeriod.parse(options.period);
            return run(statements, period, session.out(), session.err());
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "The statement as it would be issued now: provisional, listing every gap.")
    static final class Preview extends PeriodCommand {
        @Override
        int run(Statements statements, BillingPeriod period, PrintWriter out, PrintWriter err) {
            print(out, statements.json(statements.preview(options.storeId, period)), options.json);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue the statement; refused (exit 1, gaps on stderr) until every day is settled, every "
                    + "FX rate known and revenue closed. Issuing again prints the same statement.")
    static final class Issue extends PeriodCommand {
        @Override
        int run(Statements statements, BillingPeriod period, PrintWriter out, PrintWriter err) {
            try {
                Statements.Issued issued = statements.issue(options.storeId, period, "cli");
                print(out, issued.statement().document(), options.json);
                if (!issued.created()) {
                    err.println("statement " + issued.statement().id() + " was issued before, at "
                            + issued.statement().issuedAt());
                }
                return SyncLedgerCommand.OK;
            } catch (StatementRefusedException refused) {
                err.println("error: not issued, " + refused.statement().gaps().size() + " gap(s):");
                refused.statement().gaps().forEach(g -> err.println("  " + g.describe()));
                if (options.json) {
                    out.println(statements.json(refused.statement()));
                }
                return SyncLedgerCommand.FAILED;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An issued statement, exactly as issued.")
    static final class Show extends PeriodCommand {
        @Override
        int run(Statements statements, BillingPeriod period, PrintWriter out, PrintWriter err) {
            print(out, statements.show(options.storeId, period).document(), options.json);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changed in an issued statement's data since issue, day by day.")
    static final class Diff extends PeriodCommand {
        @Override
        int run(Statements statements, BillingPeriod period, PrintWriter out, PrintWriter err) {
            StatementDiff diff = statements.diff(options.storeId, period);
            if (options.json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(diff));
                return SyncLedgerCommand.OK;
            }
            out.printf("Statement %d (%s): %d day(s) restated since issue%n", diff.statement().id(), period,
                    diff.days().size());
            diff.days().forEach(d -> out.printf("  %-10s %-22s %s  %14s -> %14s %s%n", d.platform().slug(), d.account(),
                    d.day(), d.pinned(), d.current(), d.currency()));
            if (diff.pendingAdjustment() != null) {
                out.printf("The next statement carries: net profit %s, fee %s (%s)%n",
                        diff.pendingAdjustment().netProfitDifference().toPlainString(),
                        diff.pendingAdjustment().feeDifference().toPlainString(), diff.statement().currency());
            }
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "A store's issued statements.")
    static final class ListStatements implements Callable<Integer> {
        @Mixin Session session;
        @Option(names = "--store", required = true) long storeId;
        @Option(names = "--json") boolean json;
        @Autowired Statements statements;

        @Override
        public Integer call() {
            PrintWriter out = session.out();
            List<IssuedStatement> issued = statements.list(storeId);
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(issued.stream()
                        .map(s -> JSON.readTree(s.document())).toList()));
                return SyncLedgerCommand.OK;
            }
            out.printf("%-6s %-8s %-4s %14s %14s %14s  %s%n", "id", "period", "cur", "net profit", "fee", "amount due",
                    "issued");
            issued.forEach(s -> out.printf("%-6d %-8s %-4s %14s %14s %14s  %s by %s%n", s.id(), s.period(),
                    s.currency(), s.netProfit().toPlainString(), s.fee().toPlainString(),
                    s.amountDue().toPlainString(), s.issuedAt(), s.issuedBy()));
            return SyncLedgerCommand.OK;
        }
    }
}
