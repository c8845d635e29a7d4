package com.syncledger.app.cli;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.FetchError;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The readable form of fetch results: one row per account, totals per currency, then what is missing. */
final class SpendTable {

    private static final String[] HEADER = {"PLATFORM", "ACCOUNT", "STATUS", "CURRENCY", "SPEND"};

    private SpendTable() {
    }

    static void print(List<AccountFetch> results, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (AccountFetch r : results) {
            rows.add(new String[] {
                    r.account().platform().slug(),
                    r.account().input(),
                    r.status().slug() + (r.error() != null ? " (" + r.error().kind().slug() + ")" : "")
                            + (r.isOk() && !r.report().isComplete()
                                    ? " (" + r.report().missingDays().size() + " days missing)" : ""),
                    r.info() != null ? r.info().currency() : "-",
                    r.isOk() ? r.report().total(r.info().currency()).toDecimalString() : "-"});
        }
        int[] widths = new int[HEADER.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            out.printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3] + "s  %"
                    + widths[4] + "s%n", (Object[]) row);
        }
        out.println();
        Map<String, Money> totals = totals(results);
        out.println("Totals (accounts with status ok):");
        if (totals.isEmpty()) {
            out.println("  none");
        }
        totals.values().forEach(total -> out.printf("  %s  %s%n", total.currency(), total.toDecimalString()));
        List<AccountFetch> missing = results.stream().filter(r -> !r.isOk()).toList();
        if (missing.isEmpty()) {
            out.printf("Complete: all %d account(s) fetched.%n", results.size());
            return;
        }
        out.printf("Incomplete: %d of %d account(s) have no spend, and are not in the totals:%n", missing.size(),
                results.size());
        missing.forEach(r -> out.printf("  %s=%s: %s%n", r.account().platform().slug(), r.account().input(), reason(r)));
    }

    /** Spend per currency over the OK accounts, by currency code. */
    static Map<String, Money> totals(List<AccountFetch> results) {
        Map<String, Money> totals = new TreeMap<>();
        results.stream().filter(AccountFetch::isOk)
                .map(r -> r.report().total(r.info().currency()))
                .forEach(total -> totals.merge(total.currency(), total, Money::plus));
        return totals;
    }

    private static String reason(AccountFetch r) {
        if (r.error() != null) {
            FetchError e = r.error();
            String codes = (e.platformCode() != null ? ", code " + e.platformCode() : "")
                    + (e.requestId() != null ? ", request " + e.requestId() : "");
            return e.kind().slug() + codes + ": " + e.message();
        }
        Platform platform = r.account().platform();
        return Connectors.implemented().contains(platform)
                ? "not configured: set " + String.join(", ", PlatformCredentials.variables(platform))
                        + " (see docs/setup.md)"
                : "not configured: SyncLedger has no " + platform.displayName() + " connector yet";
    }
}
