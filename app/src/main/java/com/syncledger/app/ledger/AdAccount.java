package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;

/**
 * An ad account linked to a store. Currency, time zone and name are what the platform reported on the
 * last successful fetch (null before the first). {@code connectionId} is the connection (a client's own
 * authorization) it is fetched with; null for the platform's credentials from the environment.
 */
public record AdAccount(long id, long storeId, Platform platform, String externalId, String currency,
        String timeZone, String name, Instant linkedAt, Long connectionId) {

    /** An account fetched with the platform's credentials from the environment. */
    public AdAccount(long id, long storeId, Platform platform, String externalId, String currency, String timeZone,
            String name, Instant linkedAt) {
        this(id, storeId, platform, externalId, currency, timeZone, name, linkedAt, null);
    }

    public AccountId accountId() {
        return AccountId.of(platform, externalId);
    }
}
