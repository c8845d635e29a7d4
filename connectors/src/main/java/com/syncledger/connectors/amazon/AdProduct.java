package com.syncledger.connectors.amazon;

import java.util.List;

/**
 * The sponsored-ads products whose campaign reports together make an Amazon profile's total spend. Sponsored
 * TV and DSP spend are not covered by these report types. Each product has its own retention and span: Amazon
 * documents them for Sponsored Products only.
 */
enum AdProduct {

    // 95 days for spCampaigns is second-hand; 90 as connectors in the field clamp to.
    SPONSORED_PRODUCTS("spCampaigns", List.of("date", "campaignId", "cost", "campaignBudgetCurrencyCode"), 90, 31),
    // UNSURE whether sbCampaigns accepts campaignBudgetCurrencyCode: not asked for, the profile currency is used.
    // Retention and span are UNSURE for SB and SD: 60 days, the only limit Amazon ever stated in an error, and
    // the 31 days documented for SP.
    SPONSORED_BRANDS("sbCampaigns", List.of("date", "campaignId", "cost"), 60, 31),
    SPONSORED_DISPLAY("sdCampaigns", List.of("date", "campaignId", "cost", "campaignBudgetCurrencyCode"), 60, 31);

    private final String reportTypeId;
    private final List<String> columns;
    private final int retentionDays;
    private final int maxSpanDays;

    AdProduct(String reportTypeId, List<String> columns, int retentionDays, int maxSpanDays) {
        this.reportTypeId = reportTypeId;
        this.columns = columns;
        this.retentionDays = retentionDays;
        this.maxSpanDays = maxSpanDays;
    }

    /** How many days back, from the profile's today, Amazon still serves this product's report. */
    int retentionDays() {
        return retentionDays;
    }

    /** The longest startDate..endDate one report of this product may span. */
    int maxSpanDays() {
        return maxSpanDays;
    }

    /** The longest span every product accepts: what one fetch may cover. */
    static int commonMaxSpanDays() {
        return java.util.Arrays.stream(values()).mapToInt(AdProduct::maxSpanDays).min().orElseThrow();
    }

    /** The oldest retention of any product: how far back a profile's spend can be read at all. */
    static int longestRetentionDays() {
        return java.util.Arrays.stream(values()).mapToInt(AdProduct::retentionDays).max().orElseThrow();
    }

    String reportTypeId() {
        return reportTypeId;
    }

    List<String> columns() {
        return columns;
    }
}
