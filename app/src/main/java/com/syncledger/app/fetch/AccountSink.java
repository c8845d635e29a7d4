package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;
import java.util.OptionalLong;

/**
 * Where the engine reports the fetch of one account, in order, on the account's own thread: {@link #info} once
 * the platform has told the account's currency and time zone (it answers the range to read), {@link #chunk} for
 * each request's days as soon as they succeeded (oldest first, or newest first when asked), and
 * {@link #finished} once with the account's result. Sinks of different accounts are called concurrently.
 */
public interface AccountSink {

    /** The account to fetch. */
    AccountId account();

    /**
     * The connection whose tokens fetch the account; empty for the platform's credentials from the environment.
     */
    default OptionalLong connection() {
        return OptionalLong.empty();
    }

    /**
     * The platform told the account's currency and time zone. Answers the range of account-local days to read;
     * an exception (or null) fails the account as an invalid request without reading any spend.
     */
    DateRange info(AccountInfo info);

    /**
     * One request's days, in the account's currency. An exception ends the engine's fetch with that exception
     * once every account has finished.
     */
    void chunk(SpendReport chunk);

    /**
     * The account's result, reported whether it succeeded, failed or is not configured, once the account's
     * platform slot is free. An exception ends the engine's fetch as one from {@link #chunk} does.
     */
    default void finished(AccountFetch result) {
    }
}
