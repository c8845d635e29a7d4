package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import java.util.Objects;
import java.util.function.Function;

/**
 * One account to fetch. The range is a function of the account's info because a range such as "the
 * restatement window up to yesterday" can only be computed in the account's own time zone, which is known
 * only once the platform has told it.
 */
public record FetchRequest(AccountId account, Function<AccountInfo, DateRange> range) {

    public FetchRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(range, "range");
    }

    /** A fixed range of account-local days, the same whatever the account's time zone. */
    public static FetchRequest of(AccountId account, DateRange range) {
        Objects.requireNonNull(range, "range");
        return new FetchRequest(account, info -> range);
    }
}
