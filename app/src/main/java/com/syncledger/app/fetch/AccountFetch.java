package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;

/**
 * The result of fetching one account.
 *
 * @param range  the resolved range of account-local days; null if it was never resolved
 * @param info   the account's currency and time zone; null unless the platform told them
 * @param report the range's days, each as spend or as missing; null unless {@code status} is OK (a failure is
 *               never zero spend), and null too when the days went to an {@link AccountSink}, which had them all
 * @param error  why it failed; null unless {@code status} is FAILED
 */
public record AccountFetch(AccountId account, FetchStatus status, DateRange range, AccountInfo info,
        SpendReport report, FetchError error) {

    public AccountFetch {
        if (status != FetchStatus.OK && report != null) {
            throw new IllegalArgumentException("a report belongs to OK results only, not " + status);
        }
        if ((status == FetchStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error belongs to exactly the FAILED results, not " + status);
        }
    }

    static AccountFetch ok(AccountId account, DateRange range, AccountInfo info, SpendReport report) {
        return new AccountFetch(account, FetchStatus.OK, range, info, report, null);
    }

    static AccountFetch failed(AccountId account, DateRange range, AccountInfo info, FetchError error) {
        return new AccountFetch(account, FetchStatus.FAILED, range, info, null, error);
    }

    static AccountFetch notConfigured(AccountId account) {
        return new AccountFetch(account, FetchStatus.NOT_CONFIGURED, null, null, null, null);
    }

    public boolean isOk() {
        return status == FetchStatus.OK;
    }
}
