package com.syncledger.app.billing;

import com.syncledger.app.billing.Statement.Adjustment;
import com.syncledger.app.billing.Statement.PlatformUplift;
import com.syncledger.app.ledger.LedgerEntry.Kind;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A statement as the JSON document clients, scripts and the printable document read: money as decimal
 * strings in the billing currency, keys in a fixed order. An issued statement stores this text and
 * serves it unchanged ever after.
 */
public final class StatementDocument {

    static final String UNATTRIBUTED = "unattributed";

    private StatementDocument() {
    }

    static String json(JsonMapper json, Statement s) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree(s));
    }

    public static Map<String, Object> tree(Statement s) {
        String currency = s.currency();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("statement", s.id());
        doc.put("store", s.storeId());
        doc.put("storeName", s.storeName());
        doc.put("period", s.billingPeriod().toString());
        doc.put("periodFrom", s.billingPeriod().first().toString());
        doc.put("periodTo", s.billingPeriod().last().toString());
        doc.put("days", s.billingPeriod().days());
        doc.put("currency", currency);
        doc.put("status", s.id() == null ? "provisional" : "issued");
        doc.put("settled", s.settled());
        doc.put("issuedAt", s.issuedAt() == null ? null : s.issuedAt().toString());
        doc.put("issuedBy", s.issuedBy());
        doc.put("gaps", s.gaps().stream().map(StatementDocument::gap).toList());
        doc.put("terms", terms(s.terms()));
        figures(doc, s.period());
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("from", s.terms().baseline().from().toString());
        baseline.put("to", s.terms().baseline().to().toString());
        baseline.put("days", s.terms().baseline().days());
        figures(baseline, s.baseline());
        doc.put("baseline", baseline);
        doc.put("baselineNetProfitPerDay", money(s.baselinePerDay(), currency));
        doc.put("baselineNetProfit", money(s.baselineForPeriod(), currency));
        doc.put("uplift", money(s.uplift(), currency));
        Map<String, Object> byPlatform = new LinkedHashMap<>();
        s.attribution().forEach(line -> byPlatform.put(name(line.platform()), money(line.uplift(), currency)));
        doc.put("upliftByPlatform", byPlatform);
        doc.put("attribution", s.attribution().stream().map(line -> attribution(line, currency)).toList());
        doc.put("roundingToUnattributed", money(s.roundingToUnattributed(), currency));
        doc.put("feeRate", rate(s.terms().feeRate()));
        doc.put("feeBeforeLimits", money(s.feeBeforeLimits(), currency));
        doc.put("fee", money(s.fee(), currency));
        doc.put("feeNote", s.feeNote());
        doc.put("adjustments", s.adjustments().stream().map(a -> adjustment(a, currency)).toList());
        doc.put("amountDue", money(s.amountDue(), currency));
        Map<String, Object> pinned = new LinkedHashMap<>();
        pinned.put("spendVersions", s.pins().spendVersions());
        pinned.put("entries", s.pins().entries());
        pinned.put("rates", s.pins().rates().size());
        doc.put("pinned", pinned);
        return doc;
    }

    private static void figures(Map<String, Object> doc, ProfitFigures f) {
        String currency = f.currency();
        doc.put("revenue", money(f.revenue(), currency));
        doc.put("refunds", money(f.refunds(), currency));
        doc.put("costs", money(f.costs(), currency));
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("cogs", money(f.costsByKind().get(Kind.COGS), currency));
        costs.put("shipping", money(f.costsByKind().get(Kind.SHIPPING), currency));
        costs.put("paymentFees", money(f.costsByKind().get(Kind.PAYMENT_FEE), currency));
        costs.put("otherCosts", money(f.costsByKind().get(Kind.OTHER_COST), currency));
        doc.put("costsByKind", costs);
        doc.put("entryAdjustments", money(f.entryAdjustments(), currency));
        Map<String, Object> spend = new LinkedHashMap<>();
        Map<String, Object> spendByPlatform = new LinkedHashMap<>();
        f.spend().forEach((platform, amount) -> spendByPlatform.put(platform.slug(), money(amount, currency)));
        spend.put("byPlatform", spendByPlatform);
        spend.put("total", money(f.spendTotal(), currency));
        doc.put("adSpend", spend);
        doc.put("netProfit", money(f.netProfit(), currency));
    }

    private static Map<String, Object> terms(Terms t) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("id", t.id());
        terms.put("effectiveFrom", t.effectiveFrom().toString());
        terms.put("baselineFrom", t.baseline().from().toString());
        terms.put("baselineTo", t.baseline().to().toString());
        terms.put("feeRate", rate(t.feeRate()));
        terms.put("floor", t.floor() == null ? null : money(t.floor(), t.currency()));
        terms.put("cap", t.cap() == null ? null : money(t.cap(), t.currency()));
        return terms;
    }

    private static Map<String, Object> gap(Gap g) {
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("kind", g.kind().slug());
        gap.put("part", g.part());
        if (g.platform() != null) {
            gap.put("platform", g.platform().slug());
            gap.put("account", g.account());
        }
        if (g.from() != null) {
            gap.put("from", g.from().toString());
            gap.put("to", g.to().toString());
        }
        if (g.currency() != null) {
            gap.put("currency", g.currency());
        }
        gap.put("detail", g.detail());
        return gap;
    }

    private static Map<String, Object> attribution(PlatformUplift line, String currency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("platform", name(line.platform()));
        out.put("periodNetProfit", money(line.periodContribution(), currency));
        out.put("baselinePerDay", money(line.baselinePerDay(), currency));
        out.put("baselineForPeriod", money(line.baselineForPeriod(), currency));
        out.put("uplift", money(line.uplift(), currency));
        return out;
    }

    private static Map<String, Object> adjustment(Adjustment a, String currency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statement", a.originalStatementId());
        out.put("period", a.originalPeriod().toString());
        out.put("netProfitDifference", money(a.netProfitDifference(), currency));
        out.put("feeDifference", money(a.feeDifference(), currency));
        out.put("reason", a.reason());
        return out;
    }

    private static String name(Platform platform) {
        return platform == null ? UNATTRIBUTED : platform.slug();
    }

    static String money(BigDecimal amount, String currency) {
        return MinorUnits.text(amount, currency);
    }

    /** A rate with at least two decimals: 0.2 prints as 0.20. */
    static String rate(BigDecimal rate) {
        BigDecimal plain = rate.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain).toPlainString();
    }
}
