package com.syncledger.app.metrics;

import com.syncledger.app.metrics.LedgerReadings.FinishedRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics with a meaning, read from the ledger (not from whatever the last fetch covered):
 * <ul>
 *   <li>{@code kiki_ad_spend_amount{platform,currency,window}}: spend of {@code window="yesterday"} and
 *       {@code window="month_to_date"} (the first of yesterday's month through yesterday), each account's days
 *       in its own calendar, in major units; a platform and currency without any stored day has no series;</li>
 *   <li>{@code kiki_ad_spend_freshness_seconds{platform}}: seconds since the platform's last successful sync;</li>
 *   <li>{@code kiki_ad_spend_account_days{platform,state}}: over the last 30 complete days, account-days with
 *       no value ({@code missing}) and with a value whose account's last sync failed ({@code stale});</li>
 *   <li>{@code kiki_ad_spend_sync_seconds{platform,outcome}}: how long each account sync took.</li>
 * </ul>
 * Display only: the ledger is exact, a gauge is a double.
 */
final class LedgerMetrics {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

    static final String AMOUNT = "kiki.ad.spend.amount";
    static final String FRESHNESS = "kiki.ad.spend.freshness";
    static final String ACCOUNT_DAYS = "kiki.ad.spend.account.days";
    static final String SYNC = "kiki.ad.spend.sync";

    private final MeterRegistry registry;
    private final LedgerReadings readings;
    private final Clock clock;
    private final MultiGauge amounts;
    private final MultiGauge accountDays;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private Instant runsSeenUntil;

    LedgerMetrics(MeterRegistry registry, LedgerReadings readings, Clock clock) {
        this.registry = registry;
        this.readings = readings;
        this.clock = clock;
        this.amounts = MultiGauge.builder(AMOUNT)
                .description("Spend stored in the ledger for the window, in major units of the currency")
                .register(registry);
        this.accountDays = MultiGauge.builder(ACCOUNT_DAYS)
                .description("Account-days of the last 30 complete days that are missing or stale")
                .register(registry);
    }

    /** Reads the ledger again; a failed read keeps the previous values and is logged, never thrown. */
    synchronized void refresh() {
        try {
            if (runsSeenUntil == null) {
                // Durations are recorded from now on; runs of earlier processes are history, not this process's.
                runsSeenUntil = readings.databaseNow();
            }
            List<Row<?>> spendRows = new ArrayList<>();
            readings.spend().forEach(s -> {
                if (s.yesterday() != null) {
                    spendRows.add(Row.of(tags(s.platform(), s.currency(), "yesterday"), s.yesterday()));
                }
                spendRows.add(Row.of(tags(s.platform(), s.currency(), "month_to_date"), s.monthToDate()));
            });
            amounts.register(spendRows, true);

            List<Row<?>> dayRows = new ArrayList<>();
            readings.accountDays().forEach(d -> {
                dayRows.add(Row.of(Tags.of("platform", d.platform(), "state", "missing"), d.missing()));
                dayRows.add(Row.of(Tags.of("platform", d.platform(), "state", "stale"), d.stale()));
            });
            accountDays.register(dayRows, true);

            readings.lastSuccesses().forEach(s -> {
                if (lastSuccess.put(s.platform(), s.finishedAt()) == null) {
                    Gauge.builder(FRESHNESS, this, metrics -> metrics.secondsSinceSuccess(s.platform()))
                            .description("Seconds since the platform's last successful sync")
                            .baseUnit("seconds")
                            .tag("platform", s.platform())
                            .register(registry);
                }
            });
            for (FinishedRun run : readings.finishedSince(runsSeenUntil)) {
                Timer.builder(SYNC).description("Duration of account syncs, by outcome")
                        .tag("platform", run.platform()).tag("outcome", run.status())
                        .register(registry).record(Duration.ofMillis(run.millis()));
                runsSeenUntil = run.finishedAt();
            }
        } catch (RuntimeException e) {
            log.warn("ledger metrics not refreshed: {}", e.toString());
        }
    }

    private static Tags tags(String platform, String currency, String window) {
        return Tags.of("platform", platform, "currency", currency, "window", window);
    }

    private double secondsSinceSuccess(String platform) {
        Instant last = lastSuccess.get(platform);
        return last == null ? Double.NaN : Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }
}
