package com.syncledger.app.cli;

import com.syncledger.app.billing.BillingTerms;
import com.syncledger.app.billing.Terms;
import com.syncledger.app.billing.TermsInput;
import java.io.PrintWriter;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "billing", mixinStandardHelpOptions = true, description = "A store's billing terms.",
        subcommands = {BillingCommand.SetTerms.class, BillingCommand.ListTerms.class})
final class BillingCommand extends CommandGroup {

    static void print(PrintWriter out, Terms t) {
        out.printf("Terms %d of store %d from %s: baseline %s, fee rate %s, floor %s, cap %s (%s), set by %s%n", t.id(),
                t.storeId(), t.effectiveFrom(), t.baseline(), t.feeRate().toPlainString(),
                t.floor() == null ? "none" : t.floor().toPlainString(), t.cap() == null ? "none" : t.cap().toPlainString(),
                t.currency(), t.createdBy());
    }

    @Command(name = "terms", mixinStandardHelpOptions = true,
            description = "Set billing terms from a month on (versioned: earlier statements keep theirs).")
    static final class SetTerms extends StoreCommand {
        @Option(names = "--baseline-from", required = true, paramLabel = "YYYY-MM-DD") String baselineFrom;
        @Option(names = "--baseline-to", required = true, paramLabel = "YYYY-MM-DD") String baselineTo;
        @Option(names = "--fee-rate", defaultValue = "0.20", description = "exact decimal, default 0.20") String feeRate;
        @Option(names = "--floor", paramLabel = "AMOUNT", description = "monthly minimum fee when there is uplift")
        String floor;
        @Option(names = "--cap", paramLabel = "AMOUNT", description = "monthly maximum fee") String cap;
        @Option(names = "--effective-from", paramLabel = "YYYY-MM-DD",
                description = "first day of a month; default: the month after the baseline") String effectiveFrom;
        @Autowired BillingTerms terms;

        @Override
        public Integer call() {
            TermsInput input = new TermsInput(baselineFrom, baselineTo, feeRate, floor, cap, effectiveFrom);
            print(session.out(), terms.set(store.id, input, "cli"));
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "terms-list", mixinStandardHelpOptions = true, description = "Every terms version of a store.")
    static final class ListTerms extends StoreCommand {
        @Autowired BillingTerms terms;

        @Override
        public Integer call() {
            terms.list(store.id).forEach(t -> print(session.out(), t));
            return SyncLedgerCommand.OK;
        }
    }
}
