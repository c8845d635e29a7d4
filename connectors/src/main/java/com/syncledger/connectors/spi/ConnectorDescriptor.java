package com.syncledger.connectors.spi;

/**
 * What the fetch engine and the ledger need to know about a platform's API.
 *
 * @param maxDaysPerRequest longest range one {@link SpendConnector#dailySpend} may cover: the caller splits
 *                          longer ranges, the connector refuses them
 * @param retentionDays     how far back the platform still serves daily spend
 * @param restatementDays   how many recent days the platform may still revise
 * @param rateLimit         the documented request budget per credential
 */
public record ConnectorDescriptor(
        Platform platform,
        String apiVersion,
        int maxDaysPerRequest,
        int retentionDays,
        int restatementDays,
        RateLimit rateLimit) {

    /**
     * {@code range} when one request may cover it. Ranges are split once, by the caller, so a connector never
     * hides a second request behind one call.
     *
     * @throws ConnectorException.InvalidRequest when {@code range} is longer than {@link #maxDaysPerRequest}
     */
    public DateRange requireOneRequest(DateRange range) {
        if (range.days() > maxDaysPerRequest) {
            throw new ConnectorException.InvalidRequest(ConnectorException.Details.of(platform,
                    platform.displayName() + " takes at most " + maxDaysPerRequest + " days per request, not the "
                            + range.days() + " days of " + range + "; split the range first"));
        }
        return range;
    }
}
