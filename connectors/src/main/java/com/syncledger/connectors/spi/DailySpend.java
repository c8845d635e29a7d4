package com.syncledger.connectors.spi;

import java.time.LocalDate;

/** Spend of one account on one account-local day. Zero only when the platform's answer covered that day. */
public record DailySpend(LocalDate date, Money spend) {
}
