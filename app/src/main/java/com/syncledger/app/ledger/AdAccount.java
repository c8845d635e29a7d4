package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;

/**
 * An ad account linked to a store. Currency, time zone and name are what the platform reported on the
 * last successful fetch (null before the first).
 */
public record AdAccount(long id, long storeId, Platform platform, String externalId, String currency,
        String timeZone, String name, Instant linkedAt) {

    public AccountId accountId() {
        return AccountId.of(platform, externalId);
    }
}
