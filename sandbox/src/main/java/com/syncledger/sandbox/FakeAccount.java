package com.syncledger.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Ground truth of one fake ad account: its currency, time zone and the spend of each campaign on each
 * account-local day, in major units. Days without spend are simply absent, as on the real platforms.
 * Mutable so tests can restate a past day; safe for concurrent use.
 */
public final class FakeAccount {

    private final String id;
    private final String currency;
    private final ZoneId timeZone;
    private final String name;
    private final NavigableMap<LocalDate, Map<String, BigDecimal>> spend = new ConcurrentSkipListMap<>();

    public FakeAccount(String id, String currency, String timeZone, String name) {
        this.id = id;
        this.currency = currency;
        this.timeZone = ZoneId.of(timeZone);
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public String name() {
        return name;
    }

    /** Sets (or restates) one campaign's spend on one day; zero removes it. */
    public FakeAccount spend(LocalDate day, String campaign, String amount) {
        BigDecimal value = new BigDecimal(amount);
        Map<String, BigDecimal> campaigns = spend.computeIfAbsent(day, d -> new ConcurrentHashMap<>());
        if (value.signum() == 0) {
            campaigns.remove(campaign);
            if (campaigns.isEmpty()) {
                spend.remove(day);
            }
        } else {
            campaigns.put(campaign, value);
        }
        return this;
    }

    /** Campaign spends on {@code day}; empty when the account spent nothing. */
    public Map<String, BigDecimal> campaignsOn(LocalDate day) {
        return Map.copyOf(spend.getOrDefault(day, Map.of()));
    }

    /** Total spend on {@code day} in major units, zero when nothing was spent. */
    public BigDecimal totalOn(LocalDate day) {
        return campaignsOn(day).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Days with spend in the inclusive range, oldest first. */
    public NavigableMap<LocalDate, Map<String, BigDecimal>> daysBetween(LocalDate from, LocalDate to) {
        return spend.subMap(from, true, to, true);
    }
}
