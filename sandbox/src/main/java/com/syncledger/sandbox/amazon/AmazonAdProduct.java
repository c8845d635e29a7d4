package com.syncledger.sandbox.amazon;

import java.util.Set;

/**
 * The sponsored-ads products of the Amazon fake and the campaign report type of each. Every ground-truth
 * campaign belongs to one product, chosen from its name, so an account's total is spread over all three.
 */
public enum AmazonAdProduct {

    SPONSORED_PRODUCTS("spCampaigns"),
    SPONSORED_BRANDS("sbCampaigns"),
    SPONSORED_DISPLAY("sdCampaigns");

    /** Columns the fake's campaign reports know. */
    static final Set<String> COLUMNS = Set.of("date", "startDate", "endDate", "campaignId", "campaignName",
            "campaignStatus", "cost", "impressions", "clicks", "campaignBudgetAmount", "campaignBudgetType",
            "campaignBudgetCurrencyCode");

    private final String reportTypeId;

    AmazonAdProduct(String reportTypeId) {
        this.reportTypeId = reportTypeId;
    }

    public String reportTypeId() {
        return reportTypeId;
    }

    /** The product a ground-truth campaign runs in: stable, and "cmp-1", "cmp-2", "cmp-3" cover all three. */
    public static AmazonAdProduct of(String campaign) {
        return values()[Math.floorMod(campaign.hashCode(), values().length)];
    }

    /** The product named {@code adProduct} on the wire, or null. */
    static AmazonAdProduct named(String adProduct) {
        for (AmazonAdProduct product : values()) {
            if (product.name().equals(adProduct)) {
                return product;
            }
        }
        return null;
    }
}
