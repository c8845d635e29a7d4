package com.syncledger.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.wire.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmazonAdsSettingsTest {

    @Test
    void defaultsAreTheNorthAmericanHostAndLoginWithAmazon() {
        AmazonAdsSettings settings = AmazonAdsSettings.fromEnv(Env.of(Map.of()));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://advertising-api.amazon.com"));
        assertThat(settings.tokenUrl()).isEqualTo(URI.create("https://api.amazon.com/auth/o2/token"));
        assertThat(settings.mediaType("createasyncreportrequest"))
                .isEqualTo("application/vnd.createasyncreportrequest.v3+json");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.reportTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theRegionalHostPollIntervalAndDeadlineAreConfigurable() {
        AmazonAdsSettings settings = AmazonAdsSettings.fromEnv(Env.of(Map.of(
                "AMAZON_BASE_URL", "https://advertising-api-eu.amazon.com/",
                "AMAZON_POLL_INTERVAL_MS", "250",
                "AMAZON_REPORT_TIMEOUT", "0.5")));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://advertising-api-eu.amazon.com"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.reportTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void unreadableOrNonPositiveTimingIsRefused() {
        assertThatThrownBy(() -> AmazonAdsSettings.fromEnv(Env.of(Map.of("AMAZON_REPORT_TIMEOUT", "5m"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AMAZON_REPORT_TIMEOUT");
        assertThatThrownBy(() -> AmazonAdsSettings.fromEnv(Env.of(Map.of("AMAZON_POLL_INTERVAL_MS", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
