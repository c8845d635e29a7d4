package com.syncledger.connectors.contract;

/** Optional behaviours a platform's API has; the contract suite tests each declared one, and the rest not. */
public enum Behavior {
    /** Spend answers come in pages, so a small page size forces several requests. */
    PAGINATION,
    /** Access tokens are refreshed with a refresh token (one refresh on expiry, then the call again). */
    REFRESH_TOKEN,
    /** Throttling answers carry a hint of when to retry (Retry-After, regain-access time, retry delay). */
    RETRY_HINT
}
