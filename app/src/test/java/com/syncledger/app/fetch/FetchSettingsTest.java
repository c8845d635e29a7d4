package com.syncledger.app.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void theEnvironmentChangesTheDefaults() {
        FetchSettings settings = FetchSettings.fromEnv(Env.of(Map.of(
                "SYNCLEDGER_FETCH_MAX_ATTEMPTS", "3",
                "SYNCLEDGER_FETCH_INITIAL_BACKOFF", "250ms",
                "SYNCLEDGER_FETCH_MAX_BACKOFF", "PT10S",
                "SYNCLEDGER_FETCH_MAX_RETRY_AFTER", "1m",
                "SYNCLEDGER_FETCH_ACCOUNT_DEADLINE", "2h",
                "SYNCLEDGER_FETCH_RATE_LIMIT_GOOGLE", "15000/1d")));

        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.accountDeadline()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.rateLimits()).containsExactly(Map.entry(Platform.GOOGLE, new RateLimit(15000, Duration.ofDays(1))));
        assertThat(FetchSettings.fromEnv(Env.of(Map.of()))).isEqualTo(FetchSettings.defaults());
    }

    @Test
    void anUnusableValueNamesItsVariable() {
        assertThatThrownBy(() -> FetchSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_FETCH_ACCOUNT_DEADLINE", "soon"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SYNCLEDGER_FETCH_ACCOUNT_DEADLINE");
        assertThatThrownBy(() -> FetchSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_FETCH_RATE_LIMIT_META", "0/1m"))))
                .hasMessageContaining("SYNCLEDGER_FETCH_RATE_LIMIT_META");
        assertThatThrownBy(() -> FetchSettings.fromEnv(Env.of(Map.of("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "0"))))
                .hasMessageContaining("maxAttempts");
    }
}
