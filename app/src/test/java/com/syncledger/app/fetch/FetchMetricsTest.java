package com.syncledger.app.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FetchMetricsTest {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void fetchesErrorsAndTheLastFetchsSpendShowUnderTheirPrometheusNamesWithoutAccountIds() {
        ScriptedConnector meta = ScriptedConnector.usd(Platform.META, 30);
        ScriptedConnector tiktok = ScriptedConnector.usd(Platform.TIKTOK, 30).failInfo(ScriptedConnector.auth(Platform.TIKTOK));
        Map<Platform, ScriptedConnector> connectors = Map.of(Platform.META, meta, Platform.TIKTOK, tiktok);
        FetchEngine engine = FetchEngine.builder(Env.of(Map.of("META_ACCESS_TOKEN", "t", "TIKTOK_ACCESS_TOKEN", "t")))
                .meters(prometheus)
                .settings(FetchSettings.defaults())
                .clock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC))
                .connectors((platform, env, wire) -> Optional.ofNullable(connectors.get(platform)))
                .build();
        DateRange range = DateRange.parse("2026-02-01", "2026-02-03");

        engine.fetch(List.of(
                FetchRequest.of(AccountId.of(Platform.META, "act_111"), range),
                FetchRequest.of(AccountId.of(Platform.META, "act_222"), range),
                FetchRequest.of(AccountId.of(Platform.TIKTOK, "7001"), range),
                FetchRequest.of(AccountId.of(Platform.REDDIT, "a2_abc"), range)));

        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("kiki_ad_spend_fetch_total{platform=\"meta\"} 2.0")
                .contains("kiki_ad_spend_fetch_total{platform=\"tiktok\"} 1.0")
                .contains("kiki_ad_spend_fetch_errors_total{kind=\"auth\",platform=\"tiktok\"} 1.0")
                // 1 + 2 + 3 units per account, two accounts.
                .contains("kiki_ad_spend_amount{currency=\"USD\",platform=\"meta\"} 12.0")
                .doesNotContain("platform=\"reddit\"")
                .doesNotContain("111").doesNotContain("7001");
        assertThat(scrape).doesNotContain("kiki_ad_spend_fetch_errors_total{kind=\"auth\",platform=\"meta\"}");

        // The gauge shows the last fetch, not a running sum.
        engine.fetch(List.of(FetchRequest.of(AccountId.of(Platform.META, "act_111"), DateRange.parse("2026-02-05", "2026-02-05"))));
        assertThat(prometheus.scrape()).contains("kiki_ad_spend_amount{currency=\"USD\",platform=\"meta\"} 5.0");
    }

    @Test
    void requestLatencyIsATimerPerPlatformAndOutcome() {
        FetchMetrics metrics = new FetchMetrics(prometheus);
        metrics.exchanged(Platform.AMAZON, 200, Duration.ofMillis(120));
        metrics.exchanged(Platform.AMAZON, 429, Duration.ofMillis(5));
        metrics.exchanged(Platform.AMAZON, 0, Duration.ofSeconds(60));

        assertThat(prometheus.scrape())
                .contains("kiki_ad_spend_request_seconds_count{outcome=\"success\",platform=\"amazon\"} 1")
                .contains("kiki_ad_spend_request_seconds_sum{outcome=\"success\",platform=\"amazon\"} 0.12")
                .contains("kiki_ad_spend_request_seconds_count{outcome=\"throttled\",platform=\"amazon\"} 1")
                .contains("kiki_ad_spend_request_seconds_count{outcome=\"no_answer\",platform=\"amazon\"} 1");
        assertThat(FetchMetrics.outcome(503)).isEqualTo("server_error");
        assertThat(FetchMetrics.outcome(401)).isEqualTo("client_error");
    }
}
