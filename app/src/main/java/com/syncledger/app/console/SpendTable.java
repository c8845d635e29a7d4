package com.syncledger.app.console;

import com.syncledger.app.console.SpendLines.Series;
import com.syncledger.connectors.spi.Money;
import java.util.List;
import java.util.Map;

/**
 * A table of spend: one row per day or month, one column per platform and currency. It is what the page
 * shows without JavaScript, and what the chart is drawn from, so the chart never says more than the table.
 * A cell without spend is empty (no value stored), never zero.
 */
record SpendTable(String caption, List<String> columns, List<Row> rows) {

    record Row(String label, List<String> cells) {
    }

    static <B> SpendTable of(String caption, Map<B, Map<Series, Money>> buckets, List<B> allBuckets) {
        List<Series> series = SpendLines.series(buckets);
        List<Row> rows = allBuckets.stream().map(bucket -> {
            Map<Series, Money> values = buckets.getOrDefault(bucket, Map.of());
            return new Row(bucket.toString(), series.stream()
                    .map(s -> values.containsKey(s) ? values.get(s).toDecimalString() : "").toList());
        }).toList();
        return new SpendTable(caption, series.stream().map(Series::label).toList(), rows);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
