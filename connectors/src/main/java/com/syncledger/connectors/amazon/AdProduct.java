package com.syncledger.connectors.amazon;

import java.util.List;

/**
 * The sponsored-ads products whose campaign reports together make an Amazon profile's total spend. Sponsored
 * TV and DSP spend are not covered by these report types.
 */
enum AdProduct {

    SPONSORED_PRODUCTS("spCampaigns", List.of("date", "campaignId", "cost", "campaignBudgetCurrencyCode")),
    // UNSURE whether sbCampaigns accepts campaignBudgetCurrencyCode: not asked for, the profile currency is used.
    SPONSORED_BRANDS("sbCampaigns", List.of("date", "campaignId", "cost")),
    SPONSORED_DISPLAY("sdCampaigns", List.of("date", "campaignId", "cost", "campaignBudgetCurrencyCode"));

    private final String reportTypeId;
    private final List<String> columns;

    AdProduct(String reportTypeId, List<String> columns) {
        this.reportTypeId = reportTypeId;
        this.columns = columns;
    }

    String reportTypeId() {
        return reportTypeId;
    }

    List<String> columns() {
        return columns;
    }
}
