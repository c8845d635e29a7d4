package com.syncledger.app.cli;

import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** A statement document as a plain-text table for the terminal; the JSON document stays the contract. */
final class StatementText {

    private StatementText() {
    }

    static void print(PrintWriter out, JsonNode s) {
        String currency = s.path("currency").asString();
        out.printf("Statement %s of store %d (%s), %s, in %s: %s%n", s.path("statement").isNull() ? "(preview)"
                : s.path("statement").asString(), s.path("store").asLong(), s.path("storeName").asString(),
                s.path("period").asString(), currency, s.path("status").asString().toUpperCase(java.util.Locale.ROOT));
        line(out, "revenue", s.path("revenue"));
        line(out, "refunds", s.path("refunds"));
        line(out, "costs", s.path("costs"));
        s.path("costsByKind").properties().forEach(e -> line(out, "  " + e.getKey(), e.getValue()));
        s.path("adSpend").path("byPlatform").properties().forEach(e -> line(out, "ad spend " + e.getKey(), e.getValue()));
        line(out, "ad spend total", s.path("adSpend").path("total"));
        line(out, "adjustments", s.path("entryAdjustments"));
        line(out, "net profit", s.path("netProfit"));
        line(out, "baseline per day", s.path("baselineNetProfitPerDay"));
        line(out, "baseline x " + s.path("days").asInt() + " days", s.path("baselineNetProfit"));
        line(out, "uplift", s.path("uplift"));
        s.path("upliftByPlatform").properties().forEach(e -> line(out, "  uplift " + e.getKey(), e.getValue()));
        out.printf("%-28s %16s%n", "fee rate", s.path("feeRate").asString());
        line(out, "fee", s.path("fee"));
        if (!s.path("feeNote").isNull()) {
            out.println("  (" + s.path("feeNote").asString() + ")");
        }
        for (JsonNode a : s.path("adjustments")) {
            line(out, "adjustment for " + a.path("period").asString(), a.path("feeDifference"));
        }
        line(out, "amount due", s.path("amountDue"));
        JsonNode pinned = s.path("pinned");
        out.printf("Rests on %d spend versions, %d ledger entries, %d FX rates.%n", pinned.path("spendVersions").asInt(),
                pinned.path("entries").asInt(), pinned.path("rates").asInt());
        for (JsonNode gap : s.path("gaps")) {
            out.println("  gap: " + gapLine(gap));
        }
    }

    static String gapLine(JsonNode gap) {
        StringBuilder text = new StringBuilder(gap.path("part").asString()).append(": ").append(gap.path("kind").asString());
        if (gap.has("platform")) {
            text.append(' ').append(gap.path("platform").asString()).append(" account ").append(gap.path("account").asString());
        }
        if (gap.has("currency")) {
            text.append(' ').append(gap.path("currency").asString());
        }
        if (gap.has("from")) {
            String from = gap.path("from").asString();
            String to = gap.path("to").asString();
            text.append(' ').append(from.equals(to) ? from : from + ".." + to);
        }
        if (!gap.path("detail").isNull() && gap.has("detail")) {
            text.append(" (").append(gap.path("detail").asString()).append(')');
        }
        return text.toString();
    }

    private static void line(PrintWriter out, String label, JsonNode amount) {
        out.printf("%-28s %16s%n", label, amount.asString());
    }
}
