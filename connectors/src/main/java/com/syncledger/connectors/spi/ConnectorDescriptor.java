package com.syncledger.connectors.spi;

/**
 * What the fetch engine and the ledger need to know about a platform's API.
 *
 * @param maxDaysPerRequest longest range one report request may cover
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
}
