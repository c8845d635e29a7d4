package com.syncledger.app.billing;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A statement as CSV for spreadsheets: one line per figure, {@code section,item,amount,currency}, RFC 4180
 * (CRLF line ends, a field quoted when it holds a comma, a quote or a line break). Amounts are the
 * document's money strings as printed.
 *
 * <p>The lines of a section add up to its {@code total} line: the {@code costs} lines to {@code total,costs},
 * the {@code ad_spend} lines to {@code total,ad_spend}, the {@code attribution} lines to {@code total,uplift},
 * and {@code total,fee} plus the {@code adjustment} fee lines to {@code total,amount_due}.
 */
public final class StatementCsv {

    static final String HEADER = "section,item,amount,currency";
    private static final String CRLF = "\r\n";

    private final StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
    private final String currency;

    private StatementCsv(String currency) {
        this.currency = currency;
    }

    /** The CSV of a statement JSON document, issued or preview. */
    public static String render(String document) {
        JsonNode s = StatementJson.parse(document);
        StatementCsv out = new StatementCsv(StatementJson.text(s, "currency"));
        out.write(s);
        return out.csv.toString();
    }

    private void write(JsonNode s) {
        money("period", "revenue", StatementJson.text(s, "revenue"));
        money("period", "refunds", StatementJson.text(s, "refunds"));
        s.path("costsByKind").properties().forEach(cost -> money("costs", snakeCase(cost.getKey()),
                cost.getValue().asString()));
        money("total", "costs", StatementJson.text(s, "costs"));
        s.path("adSpend").path("byPlatform").properties().forEach(spend -> money("ad_spend", spend.getKey(),
                spend.getValue().asString()));
        money("total", "ad_spend", s.path("adSpend").path("total").asString());
        money("period", "entry_adjustments", StatementJson.text(s, "entryAdjustments"));
        money("total", "net_profit", StatementJson.text(s, "netProfit"));

        money("baseline", "net_profit", s.path("baseline").path("netProfit").asString());
        money("baseline", "net_profit_per_day", StatementJson.text(s, "baselineNetProfitPerDay"));
        money("baseline", "net_profit_for_period", StatementJson.text(s, "baselineNetProfit"));
        money("total", "uplift", StatementJson.text(s, "uplift"));
        for (JsonNode line : s.path("attribution")) {
            money("attribution", StatementJson.text(line, "platform"), StatementJson.text(line, "uplift"));
        }
        // Already inside the unattributed line; listed so the spreadsheet shows why that line differs.
        money("attribution_rounding", StatementDocument.UNATTRIBUTED, StatementJson.text(s, "roundingToUnattributed"));

        line("fee", "rate", StatementJson.text(s, "feeRate"), "");
        money("fee", "before_limits", StatementJson.text(s, "feeBeforeLimits"));
        money("total", "fee", StatementJson.text(s, "fee"));
        for (JsonNode a : s.path("adjustments")) {
            String earlier = "statement " + StatementJson.text(a, "statement") + " (" + StatementJson.text(a, "period")
                    + ")";
            money("adjustment", earlier + " net profit", StatementJson.text(a, "netProfitDifference"));
            money("adjustment", earlier + " fee", StatementJson.text(a, "feeDifference"));
        }
        money("total", "amount_due", StatementJson.text(s, "amountDue"));
    }

    private void money(String section, String item, String amount) {
        line(section, item, amount, currency);
    }

    private void line(String section, String item, String amount, String unit) {
        csv.append(field(section)).append(',').append(field(item)).append(',').append(field(amount)).append(',')
                .append(field(unit)).append(CRLF);
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
