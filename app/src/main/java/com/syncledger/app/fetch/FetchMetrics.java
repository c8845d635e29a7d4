package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.WireListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fetch engine's meters. Tags are bounded (platform, currency, error kind, outcome), never account ids.
 * Prometheus shows them as {@code kiki_ad_spend_fetch_total}, {@code kiki_ad_spend_fetch_errors_total},
 * {@code kiki_ad_spend_amount} and {@code kiki_ad_spend_request_seconds}. In the service, the ledger's
 * windowed {@code kiki_ad_spend_amount} replaces this last-fetch gauge (see metrics.LedgerMetrics).
 */
final class FetchMetrics implements WireListener {

    static final String FETCHES = "kiki.ad.spend.fetch";
    static final String ERRORS = "kiki.ad.spend.fetch.errors";
    static final String AMOUNT = "kiki.ad.spend.amount";
    static final String REQUESTS = "kiki.ad.spend.request";
    static final String IGNORED_ROWS = "kiki.ad.spend.rows.ignored";
    static final String MISSING_DAYS = "kiki.ad.spend.days.missing";

    private final MeterRegistry registry;
    /** The request timers, built once: a registry lookup with its tags on every request costs more than the record. */
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    /** The spend of the last fetch per platform and currency; a gauge is display-only, the ledger is exact. */
    private final Map<String, AtomicReference<BigDecimal>> amounts = new ConcurrentHashMap<>();

    FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Latency of each HTTP request to a platform, by the kind of answer. */
    @Override
    public void exchanged(Platform platform, int status, Duration elapsed) {
        String outcome = outcome(status);
        requestTimers.computeIfAbsent(platform.slug() + "|" + outcome, key -> Timer.builder(REQUESTS)
                        .description("HTTP requests to ad platforms")
                        .tag("platform", platform.slug())
                        .tag("outcome", outcome)
                        .register(registry))
                .record(elapsed);
    }

    static String outcome(int status) {
        if (status == 0) {
            return "no_answer";
        }
        if (status == 429) {
            return "throttled";
        }
        return switch (status / 100) {
            case 2 -> "success";
            case 4 -> "client_error";
            case 5 -> "server_error";
            default -> "other";
        };
    }

    /** Counts one account fetch that was attempted (not-configured ones are not), and its error if it failed. */
    void fetched(AccountFetch result) {
        if (result.status() == FetchStatus.NOT_CONFIGURED) {
            return;
        }
        String platform = result.account().platform().slug();
        Counter.builder(FETCHES).description("Account fetches attempted")
                .tag("platform", platform).register(registry).increment();
        if (result.error() != null) {
            Counter.builder(ERRORS).description("Account fetches that failed, by error kind")
                    .tag("platform", platform).tag("kind", result.error().kind().slug())
                    .register(registry).increment();
        }
    }

    /**
     * Counts what one fetched chunk left out: rows the platform sent for days outside the chunk (ignored, not
     * spend) and days its answer could not vouch for (missing, not zero).
     */
    void chunk(Platform platform, SpendReport chunk) {
        if (chunk.ignoredRows() > 0) {
            Counter.builder(IGNORED_ROWS).description("Spend rows for days outside the requested range, ignored")
                    .tag("platform", platform.slug()).register(registry).increment(chunk.ignoredRows());
        }
        int missing = chunk.missingDays().size();
        if (missing > 0) {
            Counter.builder(MISSING_DAYS).description("Requested days the platform's answer did not cover")
                    .tag("platform", platform.slug()).register(registry).increment(missing);
        }
    }

    /**
     * Sets the spend gauge of every platform and currency that this fetch read successfully.
     *
     * @param spend each result's spend over its days, in the same order (null where not OK)
     */
    void lastFetch(List<AccountFetch> results, List<Money> spend) {
        Map<String, Money> totals = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            AccountFetch result = results.get(i);
            if (result.isOk()) {
                Money total = spend.get(i);
                totals.merge(result.account().platform().slug() + "|" + total.currency(), total, Money::plus);
            }
        }
        totals.forEach((key, total) -> amount(key).set(total.toMajor()));
    }

    private AtomicReference<BigDecimal> amount(String key) {
        return amounts.computeIfAbsent(key, k -> {
            String[] parts = k.split("\\|", 2);
            AtomicReference<BigDecimal> value = new AtomicReference<>(BigDecimal.ZERO);
            Gauge.builder(AMOUNT, value, v -> v.get().doubleValue())
                    .description("Spend of the last fetch, in major units of the currency")
                    .tag("platform", parts[0])
                    .tag("currency", parts[1])
                    .register(registry);
            return value;
        });
    }
}
