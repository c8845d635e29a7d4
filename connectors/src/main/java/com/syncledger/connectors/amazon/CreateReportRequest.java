package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.DateRange;
import java.util.List;

/**
 * The body of {@code POST /reporting/reports} for one ad product's daily campaign cost over at most 31 days.
 * Amazon answers an identical body that is still being generated with 425 and the id of that report, so the
 * name is deterministic: a repeated fetch finds its earlier report instead of queueing a second one.
 */
record CreateReportRequest(String name, String startDate, String endDate, Configuration configuration) {

    record Configuration(String adProduct, List<String> groupBy, List<String> columns, String reportTypeId,
            String timeUnit, String format) {
    }

    static CreateReportRequest dailyCampaignCost(AdProduct product, DateRange range) {
        return new CreateReportRequest(
                "SyncLedger " + product.reportTypeId() + " daily cost " + range,
                range.from().toString(),
                range.to().toString(),
                new Configuration(product.name(), List.of("campaign"), product.columns(), product.reportTypeId(),
                        "DAILY", "GZIP_JSON"));
    }
}
