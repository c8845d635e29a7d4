package com.syncledger.app.console;

import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend.DaySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums of a store's stored spend per platform and currency (never across currencies), over sub-ranges. */
final class SpendLines {

    /** One platform's spend in one currency: the unit of every console table and chart series. */
    record Series(Platform platform, String currency) implements Comparable<Series> {

        String label() {
            return platform.displayName() + " (" + currency + ")";
        }

        @Override
        public int compareTo(Series other) {
            return Comparator.comparing(Series::platform).thenComparing(Series::currency).compare(this, other);
        }
    }

    private SpendLines() {
    }

    /** The spend of each series on the days of {@code range}. */
    static Map<Series, Money> within(StoreSpend spend, DateRange range) {
        return grouped(spend, range, day -> "all").getOrDefault("all", Map.of());
    }

    /**
     * The spend of each series per bucket of days (a day, a month), buckets in their natural order.
     *
     * @param bucket the bucket a day belongs to, e.g. its month
     */
    static <B> Map<B, Map<Series, Money>> grouped(StoreSpend spend, DateRange range,
            Function<LocalDate, B> bucket) {
        Map<B, Map<Series, Money>> buckets = new TreeMap<>();
        for (AccountSpend account : spend.accounts()) {
            for (DaySpend day : account.days()) {
                if (day.spend() != null && range.contains(day.date())) {
                    buckets.computeIfAbsent(bucket.apply(day.date()), b -> new TreeMap<>())
                            .merge(new Series(account.platform(), day.spend().currency()), day.spend(), Money::plus);
                }
            }
        }
        return buckets;
    }

    /** Every series that has a value somewhere in the buckets, in platform order. */
    static <B> List<Series> series(Map<B, Map<Series, Money>> buckets) {
        return buckets.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }
}
