package com.syncledger.app.metrics;

import com.syncledger.app.connections.ConnectionStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger metrics of a running service, read again every {@code syncledger.metrics.refresh} (30 s) on
 * one background thread, so a scrape never waits for the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LedgerMetricsConfiguration {

    /**
     * In the service, {@code kiki_ad_spend_amount} is the ledger's spend of a defined window. The fetch
     * engine's own gauge of the same name (the last fetch's spend, whatever range it covered, used where there
     * is no ledger: {@code ./syncledger fetch}) has no {@code window} tag and is left out here.
     */
    @Bean
    MeterFilter ledgerSpendReplacesLastFetchSpend() {
        return MeterFilter.deny(id -> id.getName().equals(LedgerMetrics.AMOUNT) && id.getTag("window") == null);
    }

    @Bean
    LedgerMetrics ledgerMetrics(MeterRegistry registry, JdbcClient jdbc) {
        return new LedgerMetrics(registry, new LedgerReadings(jdbc), Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService ledgerMetricsRefresher() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ledger-metrics").factory());
    }

    @Bean
    ConnectionExpiryMetrics connectionExpiryMetrics(MeterRegistry registry, ConnectionStatuses statuses) {
        return new ConnectionExpiryMetrics(registry, statuses);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startLedgerMetrics(LedgerMetrics metrics,
            ConnectionExpiryMetrics connectionExpiry, ScheduledExecutorService ledgerMetricsRefresher,
            @Value("${syncledger.metrics.refresh:30s}") Duration every) {
        return ready -> ledgerMetricsRefresher.scheduleWithFixedDelay(() -> {
            metrics.refresh();
            connectionExpiry.refresh();
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
