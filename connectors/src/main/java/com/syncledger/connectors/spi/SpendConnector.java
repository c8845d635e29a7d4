package com.syncledger.connectors.spi;

/**
 * Reads one platform's daily spend for one ad account. Implementations make exactly the calls one
 * logical fetch needs (pagination, async report polling, one token refresh) and translate every failure
 * into a {@link ConnectorException}; they never retry. Instances are safe for concurrent use.
 */
public interface SpendConnector {

    ConnectorDescriptor descriptor();

    /** The account's currency, time zone and name, as the platform reports them. */
    AccountInfo accountInfo(AccountId account);

    /**
     * Spend for the account-local days of {@code range} the platform's answer vouches for, zero on such days
     * without delivery; every other day of the range is reported missing with its reason, never as zero (see
     * {@link SpendReport}). Rows the platform sends for days outside the range are ignored and counted, not an
     * error. The caller splits ranges: one call covers at most {@link ConnectorDescriptor#maxDaysPerRequest()} days.
     *
     * @param info the account's info from {@link #accountInfo}, which fixes currency and calendar
     * @throws ConnectorException.InvalidRequest for a longer range, before any request is sent
     */
    SpendReport dailySpend(AccountId account, AccountInfo info, DateRange range);

    /**
     * Proves the configured credentials work with one cheap authenticated call (a token refresh or a
     * documented lightweight endpoint), for {@code ./syncledger platforms --check}. Throws the platform's own
     * error when they do not; never retries.
     *
     * @throws UnsupportedOperationException when the connector has no such call
     */
    default void verifyCredentials() {
        throw new UnsupportedOperationException(descriptor().platform().displayName()
                + " has no credential check yet");
    }
}
