package com.syncledger.app.billing;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.ledger.LedgerEntry.Kind;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The net profit of a span of days in the billing currency, as printed lines: each line is the exact sum
 * of its converted items, rounded once; every total is the sum of printed lines.
 *
 * <p>Net profit = revenue − refunds − costs − ad spend + adjustments. Per platform, the attributed
 * contribution is (its attributed entries, one line) − (its spend line); the unattributed contribution is
 * the rest of the net profit, so the contributions always sum exactly to it. {@code unattributedOwn} is
 * the unattributed entries' own line, which differs from the rest only by rounding.
 */
record ProfitFigures(String currency, BigDecimal revenue, BigDecimal refunds, Map<Kind, BigDecimal> costsByKind,
        BigDecimal costs, BigDecimal entryAdjustments, Map<Platform, BigDecimal> spend, BigDecimal spendTotal,
        BigDecimal netProfit, Map<Platform, BigDecimal> contributions, BigDecimal unattributed,
        BigDecimal unattributedOwn, Set<FxRate> ratesUsed, Set<MissingRate> missingRates) {

    static final Kind[] COST_KINDS = {Kind.COGS, Kind.SHIPPING, Kind.PAYMENT_FEE, Kind.OTHER_COST};

    /** An amount that could not be converted: no rate for its currency on its day. */
    record MissingRate(LocalDate day, String currency) {
    }

    static ProfitFigures of(Collection<SpendItem> spendItems, Collection<EntryItem> entries, FxTable fx,
            String currency) {
        Converter convert = new Converter(fx, currency);
        Map<Kind, BigDecimal> byKind = new EnumMap<>(Kind.class);
        Map<Platform, BigDecimal> attributedEntries = new EnumMap<>(Platform.class);
        BigDecimal unattributedEntries = BigDecimal.ZERO;
        for (EntryItem entry : entries) {
            Optional<BigDecimal> amount = convert.amount(entry.date(), entry.micros(), entry.currency());
            if (amount.isEmpty()) {
                continue;
            }
            byKind.merge(entry.kind(), amount.get(), BigDecimal::add);
            BigDecimal signed = signed(entry.kind(), amount.get());
            if (entry.platform() != null) {
                attributedEntries.merge(entry.platform(), signed, BigDecimal::add);
            } else {
                unattributedEntries = unattributedEntries.add(signed);
            }
        }
        Map<Platform, BigDecimal> exactSpend = new EnumMap<>(Platform.class);
        for (SpendItem item : spendItems) {
            convert.amount(item.day(), item.micros(), item.currency())
                    .ifPresent(amount -> exactSpend.merge(item.platform(), amount, BigDecimal::add));
        }

        BigDecimal revenue = line(byKind.get(Kind.REVENUE), currency);
        BigDecimal refunds = line(byKind.get(Kind.REFUND), currency);
        Map<Kind, BigDecimal> costsByKind = new EnumMap<>(Kind.class);
        BigDecimal costs = MinorUnits.zero(currency);
        for (Kind kind : COST_KINDS) {
            costsByKind.put(kind, line(byKind.get(kind), currency));
            costs = costs.add(costsByKind.get(kind));
        }
        BigDecimal adjustments = line(byKind.get(Kind.ADJUSTMENT), currency);
        Map<Platform, BigDecimal> spend = new EnumMap<>(Platform.class);
        exactSpend.forEach((platform, exact) -> spend.put(platform, line(exact, currency)));
        BigDecimal spendTotal = spend.values().stream().reduce(MinorUnits.zero(currency), BigDecimal::add);
        BigDecimal netProfit = revenue.subtract(refunds).subtract(costs).subtract(spendTotal).add(adjustments);

        Set<Platform> platforms = new LinkedHashSet<>(spend.keySet());
        platforms.addAll(attributedEntries.keySet());
        Map<Platform, BigDecimal> contributions = new EnumMap<>(Platform.class);
        for (Platform platform : platforms) {
            contributions.put(platform, line(attributedEntries.get(platform), currency)
                    .subtract(spend.getOrDefault(platform, MinorUnits.zero(currency))));
        }
        BigDecimal attributed = contributions.values().stream().reduce(MinorUnits.zero(currency), BigDecimal::add);
        return new ProfitFigures(currency, revenue, refunds, costsByKind, costs, adjustments, spend, spendTotal,
                netProfit, contributions, netProfit.subtract(attributed), line(unattributedEntries, currency),
                Set.copyOf(convert.used.values()), Set.copyOf(convert.missing));
    }

    /** How an entry's converted amount moves net profit, by the sign its kind gives. */
    private static BigDecimal signed(Kind kind, BigDecimal amount) {
        return kind.signedMicros(1) < 0 ? amount.negate() : amount;
    }

    private static BigDecimal line(BigDecimal exact, String currency) {
        return exact == null ? MinorUnits.zero(currency) : MinorUnits.round(exact, currency);
    }

    /** Converts items on their own day, remembering the rates used and the ones missing. */
    private static final class Converter {
        private final FxTable fx;
        private final String currency;
        private final Map<String, FxRate> used = new TreeMap<>();
        private final Set<MissingRate> missing = new LinkedHashSet<>();
        private final Map<String, Optional<FxTable.Conversion>> cache = new HashMap<>();

        Converter(FxTable fx, String currency) {
            this.fx = fx;
            this.currency = currency;
        }

        Optional<BigDecimal> amount(LocalDate day, long micros, String from) {
            if (micros == 0) {
                return Optional.of(BigDecimal.ZERO); // nothing in any currency needs no rate
            }
            Optional<FxTable.Conversion> conversion = cache.computeIfAbsent(day + from,
                    k -> fx.conversion(day, from, currency));
            if (conversion.isEmpty()) {
                missing.add(new MissingRate(day, from));
                return Optional.empty();
            }
            conversion.get().rates().forEach(r -> used.put(r.day() + r.base() + r.quote(), r));
            return Optional.of(conversion.get().apply(MinorUnits.ofMicros(micros)));
        }
    }
}
