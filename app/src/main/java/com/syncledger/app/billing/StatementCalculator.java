package com.syncledger.app.billing;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.billing.ProfitFigures.MissingRate;
import com.syncledger.app.billing.Statement.Adjustment;
import com.syncledger.app.billing.Statement.PlatformUplift;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a period's and its baseline's data into a statement. Pure: the same inputs give the same figures,
 * so a statement can be recomputed, and is tested against figures worked by hand.
 *
 * <pre>
 * net profit          = revenue − refunds − costs − ad spend + adjustments       (printed lines)
 * baseline per day    = baseline net profit / baseline days                      (printed)
 * baseline for period = baseline per day × days in the period
 * uplift              = net profit − baseline for period
 * fee                 = fee rate × max(0, uplift), then the floor and the cap
 * </pre>
 */
final class StatementCalculator {

    /** Everything one statement is computed from. */
    record Inputs(long storeId, String storeName, BillingPeriod period, Terms terms, FxTable fx,
            BillingData.Span periodSpan, BillingData.Span baselineSpan, List<Adjustment> adjustments) {
    }

    private StatementCalculator() {
    }

    static Statement compute(Inputs in) {
        Terms terms = in.terms();
        String currency = terms.currency();
        ProfitFigures period = ProfitFigures.of(in.periodSpan().spend(), in.periodSpan().entries(), in.fx(), currency);
        ProfitFigures baseline = ProfitFigures.of(in.baselineSpan().spend(), in.baselineSpan().entries(), in.fx(),
                currency);
        int baselineDays = terms.baseline().days();
        int days = in.period().days();

        BigDecimal perDay = perDay(baseline.netProfit(), baselineDays, currency);
        BigDecimal forPeriod = perDay.multiply(BigDecimal.valueOf(days));
        BigDecimal uplift = period.netProfit().subtract(forPeriod);

        List<PlatformUplift> attribution = new ArrayList<>();
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        platforms.addAll(period.contributions().keySet());
        platforms.addAll(baseline.contributions().keySet());
        BigDecimal attributedUplift = MinorUnits.zero(currency);
        for (Platform platform : platforms) {
            PlatformUplift line = line(platform, period.contributions().get(platform),
                    baseline.contributions().get(platform), baselineDays, days, currency);
            attribution.add(line);
            attributedUplift = attributedUplift.add(line.uplift());
        }
        PlatformUplift unattributedOwn = line(null, period.unattributedOwn(), baseline.unattributedOwn(), baselineDays,
                days, currency);
        BigDecimal unattributedUplift = uplift.subtract(attributedUplift);
        attribution.add(new PlatformUplift(null, unattributedOwn.periodContribution(), unattributedOwn.baselinePerDay(),
                unattributedOwn.baselineForPeriod(), unattributedUplift));
        BigDecimal rounding = unattributedUplift.subtract(unattributedOwn.uplift());

        Fee fee = Fee.of(uplift, terms);
        BigDecimal due = in.adjustments().stream().map(Adjustment::feeDifference).reduce(fee.fee(), BigDecimal::add);

        List<Gap> gaps = new ArrayList<>(in.periodSpan().gaps());
        gaps.addAll(rateGaps(period, "period"));
        gaps.addAll(in.baselineSpan().gaps());
        gaps.addAll(rateGaps(baseline, "baseline"));

        Map<String, FxRate> rates = new LinkedHashMap<>();
        java.util.stream.Stream.concat(period.ratesUsed().stream(), baseline.ratesUsed().stream())
                .sorted(Comparator.comparing(FxRate::day).thenComparing(FxRate::base)
                        .thenComparing(FxRate::quote))
                .forEach(r -> rates.put(r.day() + r.base() + r.quote(), r));
        Statement.Pins pins = new Statement.Pins(versions(in.periodSpan().spend()), versions(in.baselineSpan().spend()),
                entryIds(in.periodSpan().entries()), entryIds(in.baselineSpan().entries()), List.copyOf(rates.values()));

        return new Statement(in.storeId(), in.storeName(), in.period(), terms, null, null, null, List.copyOf(gaps),
                period, baseline, perDay, forPeriod, uplift, List.copyOf(attribution), rounding, fee.beforeLimits(),
                fee.fee(), fee.note(), in.adjustments(), due, pins);
    }

    private static PlatformUplift line(Platform platform, BigDecimal periodContribution,
            BigDecimal baselineContribution, int baselineDays, int days, String currency) {
        BigDecimal inPeriod = periodContribution == null ? MinorUnits.zero(currency) : periodContribution;
        BigDecimal perDay = perDay(baselineContribution == null ? BigDecimal.ZERO : baselineContribution, baselineDays,
                currency);
        BigDecimal forPeriod = perDay.multiply(BigDecimal.valueOf(days));
        return new PlatformUplift(platform, inPeriod, perDay, forPeriod, inPeriod.subtract(forPeriod));
    }

    private static BigDecimal perDay(BigDecimal total, int days, String currency) {
        return total.divide(BigDecimal.valueOf(days), MinorUnits.digits(currency), RoundingMode.HALF_EVEN);
    }

    /** Missing rates as gaps, consecutive days of one currency as one gap. */
    private static List<Gap> rateGaps(ProfitFigures figures, String part) {
        List<MissingRate> missing = figures.missingRates().stream()
                .sorted(Comparator.comparing(MissingRate::currency).thenComparing(MissingRate::day)).toList();
        List<Gap> gaps = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= missing.size(); i++) {
            boolean runEnds = i == missing.size() || !missing.get(i).currency().equals(missing.get(start).currency())
                    || !missing.get(i).day().equals(missing.get(i - 1).day().plusDays(1));
            if (runEnds) {
                LocalDate from = missing.get(start).day();
                LocalDate to = missing.get(i - 1).day();
                gaps.add(new Gap(Gap.Kind.MISSING_FX_RATE, part, null, null, from, to, missing.get(start).currency(),
                        "no rate to " + figures.currency() + " on that day; amounts in it are left out"));
                start = i;
            }
        }
        return gaps;
    }

    private static List<Long> versions(List<SpendItem> items) {
        return items.stream().map(SpendItem::versionId).sorted().toList();
    }

    private static List<Long> entryIds(List<EntryItem> entries) {
        return entries.stream().map(EntryItem::id).sorted().toList();
    }
}
