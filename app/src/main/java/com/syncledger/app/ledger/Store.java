package com.syncledger.app.ledger;

import java.time.Instant;

/** A client store: the unit spend is kept and billed for. */
public record Store(long id, String name, String timeZone, String billingCurrency, Instant createdAt,
        Instant updatedAt) {
}
