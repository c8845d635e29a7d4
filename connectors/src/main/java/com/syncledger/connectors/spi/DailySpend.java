package com.syncledger.connectors.spi;

import java.time.LocalDate;

/** Spend of one account on one account-local day. Zero only when the platform answered for that day. */
public record DailySpend(LocalDate date, Money spend) {
}
