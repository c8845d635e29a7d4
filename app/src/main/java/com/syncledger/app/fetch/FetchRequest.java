package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.SpendReport;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One account to fetch, with the platform's credentials from the environment or, when {@code connection} names
 * one, with that connection's tokens. The range is a function of the account's info because a range such as "the
 * restatement window up to yesterday" can only be computed in the account's own time zone, which is known
 * only once the platform has told it.
 */
public record FetchRequest(AccountId account, Function<AccountInfo, DateRange> range, OptionalLong connection) {

    public FetchRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(connection, "connection");
    }

    /** An account fetched with the platform's credentials from the environment. */
    public FetchRequest(AccountId account, Function<AccountInfo, DateRange> range) {
        this(account, range, OptionalLong.empty());
    }

    /** This request, fetched with connection {@code connectionId}'s tokens. */
    public FetchRequest withConnection(long connectionId) {
        return new FetchRequest(account, range, OptionalLong.of(connectionId));
    }

    /** A fixed range of account-local days, the same whatever the account's time zone. */
    public static FetchRequest of(AccountId account, DateRange range) {
        Objects.requireNonNull(range, "range");
        return new FetchRequest(account, info -> range);
    }

    /** This request as a sink: its range function answers the info, {@code listener} hears the chunks. */
    AccountSink sink(ChunkListener listener) {
        return new AccountSink() {
            private AccountInfo info;

            @Override
            public AccountId account() {
                return account;
            }

            @Override
            public OptionalLong connection() {
                return connection;
            }

            @Override
            public DateRange info(AccountInfo told) {
                info = told;
                return range.apply(told);
            }

            @Override
            public void chunk(SpendReport chunk) {
                listener.onChunk(account, info, chunk);
            }
        };
    }
}
