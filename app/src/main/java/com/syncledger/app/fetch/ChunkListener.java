package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.SpendReport;

/**
 * Told of each chunk (the range of one connector request) as soon as it succeeded, for callers that need no
 * more of an {@link AccountSink}. Called from the engine's threads, concurrently for different accounts and in
 * order (oldest first, or newest first when asked) within one account.
 */
@FunctionalInterface
public interface ChunkListener {

    ChunkListener NONE = (account, info, chunk) -> { };

    void onChunk(AccountId account, AccountInfo info, SpendReport chunk);
}
