package com.syncledger.connectors.spi;

import java.time.ZoneId;

/** What the platform says about an ad account: its currency and the time zone its days are cut in. */
public record AccountInfo(String currency, ZoneId timeZone, String name) {

    public AccountInfo {
        currency = Money.validCurrency(currency);
        if (timeZone == null) {
            throw new IllegalArgumentException("an account time zone is required");
        }
    }
}
