package com.syncledger.app.billing;

import com.syncledger.connectors.spi.Platform;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A statement as a printable page for the client: self-contained XHTML (inline CSS, no script, nothing
 * fetched from elsewhere) that {@link StatementPdf} lays out as a PDF. Every figure is the document's own
 * money string, printed as it stands; every text value is escaped, since a store's name is user input.
 */
public final class StatementHtml {

    private static final Map<String, String> COST_KINDS = Map.of("cogs", "cost of goods", "shipping", "shipping",
            "paymentFees", "payment fees", "otherCosts", "other costs");

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'Liberation Sans', Helvetica, Arial, sans-serif; font-size: 10pt; color: #1a1a1a; }
            h1 { font-size: 17pt; margin: 0 0 4mm 0; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #999; padding-bottom: 1mm;
                 page-break-after: avoid; }
            tr { page-break-inside: avoid; }
            table { border-collapse: collapse; width: 100%; }
            td, th { padding: 1mm 2mm; text-align: left; vertical-align: top; }
            th { border-bottom: 1px solid #ccc; font-weight: bold; }
            td.amount, th.amount { text-align: right; white-space: nowrap; }
            tr.total td { border-top: 1px solid #999; font-weight: bold; }
            table.about td.label { width: 35%; color: #555; }
            p.note { color: #444; margin: 1mm 0; }
            div.provisional { border: 2px solid #b00020; color: #b00020; padding: 2mm 3mm; margin: 3mm 0; }
            div.provisional p { margin: 1mm 0; }
            div.provisional td, div.provisional th { color: #1a1a1a; font-size: 9pt; }
            td.nowrap { white-space: nowrap; }
            div.due { border: 2px solid #1a1a1a; padding: 2mm 3mm; margin-top: 6mm; font-size: 13pt;
                      font-weight: bold; }
            """;

    private final StringBuilder html = new StringBuilder();
    private final String currency;

    private StatementHtml(String currency) {
        this.currency = currency;
    }

    /** The page of a statement JSON document, issued or preview. */
    public static String render(String document) {
        return render(StatementJson.parse(document));
    }

    static String render(JsonNode s) {
        StatementHtml page = new StatementHtml(StatementJson.text(s, "currency"));
        page.write(s);
        return page.html.toString();
    }

    private void write(JsonNode s) {
        boolean issued = "issued".equals(StatementJson.text(s, "status"));
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n")
                .append("<title>").append(escape(title(s, issued))).append("</title>\n")
                .append("<style type=\"text/css\">\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(s, issued);
        periodFigures(s);
        baseline(s);
        attribution(s);
        fee(s);
        earlierStatements(s);
        html.append("<div class=\"due\"><table><tr><td>Amount due</td><td class=\"amount\">")
                .append(money(StatementJson.text(s, "amountDue"))).append("</td></tr></table></div>\n");
        if (!issued) {
            html.append("<p class=\"note\">Provisional: this amount is not yet due.</p>\n");
        }
        restsOn(s, issued);
        html.append("</body>\n</html>\n");
    }

    private static String title(JsonNode s, boolean issued) {
        String name = issued ? "Statement " + StatementJson.text(s, "statement") : "Provisional statement";
        return name + " - " + StatementJson.text(s, "storeName") + " - " + StatementJson.text(s, "period");
    }

    private void header(JsonNode s, boolean issued) {
        html.append("<h1>").append(issued ? "Success-fee statement " + escape(StatementJson.text(s, "statement"))
                : "PROVISIONAL success-fee statement").append("</h1>\n<table class=\"about\">\n");
        about("Store", StatementJson.text(s, "storeName") + " (store " + StatementJson.text(s, "store") + ")");
        about("Period", StatementJson.text(s, "period") + ": " + StatementJson.text(s, "periodFrom") + " to "
                + StatementJson.text(s, "periodTo") + ", " + StatementJson.text(s, "days") + " days");
        about("Currency", currency);
        about("Status", issued ? "Issued" : "PROVISIONAL - a preview from the current data, not an invoice");
        html.append("</table>\n");
        if (!issued) {
            provisional(s.path("gaps"));
        }
    }

    private void provisional(JsonNode gaps) {
        html.append("<div class=\"provisional\">\n<p><strong>PROVISIONAL.</strong> The figures may still change; ");
        if (gaps.isEmpty()) {
            html.append("nothing is missing, so the statement can be issued as it stands.</p>\n</div>\n");
            return;
        }
        html.append("it cannot be issued while these ").append(gaps.size()).append(" gap(s) remain:</p>\n")
                .append("<table>\n<tr><th>Part</th><th>Missing</th><th>Where</th><th>Days</th><th>Detail</th></tr>\n");
        for (JsonNode gap : gaps) {
            String where = gap.has("platform")
                    ? StatementJson.text(gap, "platform") + " account " + StatementJson.text(gap, "account") : "";
            if (gap.has("currency")) {
                where = (where.isEmpty() ? "" : where + ", ") + StatementJson.text(gap, "currency");
            }
            String from = StatementJson.text(gap, "from");
            String to = StatementJson.text(gap, "to");
            String days = from == null ? "" : from.equals(to) ? from : from + " to " + to;
            html.append("<tr>");
            cell(StatementJson.text(gap, "part"));
            cell(StatementJson.text(gap, "kind").replace('_', ' '));
            cell(where);
            dateCell(days);
            cell(StatementJson.text(gap, "detail"));
            html.append("</tr>\n");
        }
        html.append("</table>\n</div>\n");
    }

    private void periodFigures(JsonNode s) {
        html.append("<h2>The billing period</h2>\n<table>\n");
        row("Revenue", StatementJson.text(s, "revenue"));
        row("less refunds", StatementJson.text(s, "refunds"));
        s.path("costsByKind").properties().forEach(cost -> row("less " + COST_KINDS.getOrDefault(cost.getKey(),
                cost.getKey()), cost.getValue().asString()));
        s.path("adSpend").path("byPlatform").properties().forEach(spend -> row("less ad spend, "
                + platformName(spend.getKey()), spend.getValue().asString()));
        row("plus adjustments (ledger entries, signed)", StatementJson.text(s, "entryAdjustments"));
        total("Net profit", StatementJson.text(s, "netProfit"));
        html.append("</table>\n<p class=\"note\">Costs in all: ").append(money(StatementJson.text(s, "costs")))
                .append("; ad spend in all: ").append(money(s.path("adSpend").path("total").asString()))
                .append(".</p>\n");
    }

    private void baseline(JsonNode s) {
        JsonNode b = s.path("baseline");
        html.append("<h2>The baseline</h2>\n<table>\n");
        textRow("Baseline period", StatementJson.text(b, "from") + " to " + StatementJson.text(b, "to") + ", "
                + StatementJson.text(b, "days") + " days");
        row("Net profit in the baseline period", StatementJson.text(b, "netProfit"));
        row("Net profit per baseline day", StatementJson.text(s, "baselineNetProfitPerDay"));
        total("Baseline for this period (per day \u00d7 " + StatementJson.text(s, "days") + " days)",
                StatementJson.text(s, "baselineNetProfit"));
        html.append("</table>\n<h2>Uplift</h2>\n<table>\n");
        row("Net profit", StatementJson.text(s, "netProfit"));
        row("less the baseline for this period", StatementJson.text(s, "baselineNetProfit"));
        total("Uplift", StatementJson.text(s, "uplift"));
        html.append("</table>\n");
    }

    private void attribution(JsonNode s) {
        html.append("<h2>Uplift by platform</h2>\n<table>\n<tr><th>Platform</th>")
                .append("<th class=\"amount\">Period net profit</th><th class=\"amount\">Baseline per day</th>")
                .append("<th class=\"amount\">Baseline for the period</th><th class=\"amount\">Uplift</th></tr>\n");
        for (JsonNode line : s.path("attribution")) {
            html.append("<tr>");
            cell(platformName(StatementJson.text(line, "platform")));
            amountCell(StatementJson.text(line, "periodNetProfit"));
            amountCell(StatementJson.text(line, "baselinePerDay"));
            amountCell(StatementJson.text(line, "baselineForPeriod"));
            amountCell(StatementJson.text(line, "uplift"));
            html.append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td colspan=\"4\">Uplift</td>");
        amountCell(StatementJson.text(s, "uplift"));
        html.append("</tr>\n</table>\n<p class=\"note\">A platform's line is the revenue attributed to it less its ad "
                + "spend; the unattributed line is the rest of the net profit.</p>\n");
        String rounding = StatementJson.text(s, "roundingToUnattributed");
        if (!StatementJson.isZero(rounding)) {
            html.append("<p class=\"note\">Each line is rounded on its own; the unattributed line took the rounding "
                    + "difference of ").append(money(rounding))
                    .append(" so that the lines sum exactly to the uplift.</p>\n");
        }
    }

    private void fee(JsonNode s) {
        JsonNode terms = s.path("terms");
        html.append("<h2>The fee</h2>\n<table>\n");
        textRow("Fee rate (of the uplift)", StatementJson.text(s, "feeRate"));
        row("Fee before floor and cap", StatementJson.text(s, "feeBeforeLimits"));
        String floor = StatementJson.text(terms, "floor");
        String cap = StatementJson.text(terms, "cap");
        textRow("Monthly floor", floor == null ? "none" : floor + " " + currency);
        textRow("Monthly cap", cap == null ? "none" : cap + " " + currency);
        total("Fee", StatementJson.text(s, "fee"));
        html.append("</table>\n");
        String note = StatementJson.text(s, "feeNote");
        if (note != null) {
            html.append("<p class=\"note\">").append(escape(capitalized(note))).append(".</p>\n");
        }
    }

    private void earlierStatements(JsonNode s) {
        JsonNode adjustments = s.path("adjustments");
        html.append("<h2>Adjustments to earlier statements</h2>\n");
        if (adjustments.isEmpty()) {
            html.append("<p class=\"note\">None: no data of an earlier statement has changed since it was issued."
                    + "</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Statement</th><th>Period</th><th class=\"amount\">Net profit difference</th>")
                .append("<th class=\"amount\">Fee difference</th><th>Why</th></tr>\n");
        for (JsonNode a : adjustments) {
            html.append("<tr>");
            cell(StatementJson.text(a, "statement"));
            dateCell(StatementJson.text(a, "period"));
            amountCell(StatementJson.text(a, "netProfitDifference"));
            amountCell(StatementJson.text(a, "feeDifference"));
            cell(StatementJson.text(a, "reason"));
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"note\">The fee differences are added to this statement's fee; a negative "
                + "difference is a credit.</p>\n");
    }

    private void restsOn(JsonNode s, boolean issued) {
        JsonNode pinned = s.path("pinned");
        JsonNode terms = s.path("terms");
        html.append("<h2>The data it rests on</h2>\n<table class=\"about\">\n");
        about("Spend values", StatementJson.text(pinned, "spendVersions") + " fetched daily spend versions");
        about("Ledger entries", StatementJson.text(pinned, "entries")
                + " revenue, refund, cost and adjustment entries");
        about("FX rates", StatementJson.text(pinned, "rates") + " daily exchange rates");
        about("Billing terms", "terms " + StatementJson.text(terms, "id") + ", in force from "
                + StatementJson.text(terms, "effectiveFrom"));
        if (issued) {
            about("Issued", StatementJson.text(s, "issuedAt") + " by " + StatementJson.text(s, "issuedBy"));
        } else {
            about("Issued", "not issued: a preview computed from the data as it is now");
        }
        html.append("</table>\n");
        if (issued) {
            html.append("<p class=\"note\">An issued statement never changes: a later change to this data reaches "
                    + "you as an adjustment line on a later statement.</p>\n");
        }
    }

    private void about(String label, String text) {
        html.append("<tr><td class=\"label\">").append(escape(label)).append("</td><td>").append(escape(text))
                .append("</td></tr>\n");
    }

    private void row(String label, String amount) {
        line(label, money(amount), false);
    }

    private void textRow(String label, String text) {
        line(label, escape(text), false);
    }

    private void total(String label, String amount) {
        line(label, money(amount), true);
    }

    /** @param markup the value, already escaped */
    private void line(String label, String markup, boolean isTotal) {
        html.append(isTotal ? "<tr class=\"total\">" : "<tr>").append("<td>").append(escape(label))
                .append("</td><td class=\"amount\">").append(markup).append("</td></tr>\n");
    }

    private void cell(String text) {
        html.append("<td>").append(escape(text)).append("</td>");
    }

    private void dateCell(String text) {
        html.append("<td class=\"nowrap\">").append(escape(text)).append("</td>");
    }

    private void amountCell(String amount) {
        html.append("<td class=\"amount\">").append(money(amount)).append("</td>");
    }

    /** An amount as the document prints it, with its currency; escaped like any other text. */
    private String money(String amount) {
        return escape(amount + " " + currency);
    }

    private static String platformName(String slug) {
        return Arrays.stream(Platform.values()).filter(p -> p.slug().equals(slug)).findFirst()
                .map(Platform::displayName).orElse(StatementDocument.UNATTRIBUTED.equals(slug) ? "Unattributed" : slug);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Text for XHTML: the five markup characters as entities, and characters XML does not allow (control
     * characters, lone surrogates) replaced, so that any store name still gives a well-formed page.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowedInXml(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
