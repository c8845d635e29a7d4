package com.syncledger.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.Http;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The expiry gauge: the soonest end per platform, tagged by platform only, with no token anywhere. */
class ConnectionExpiryMetricsTest {

    private static final String KEY = Base64.getEncoder().encodeToString("m".repeat(32).getBytes(StandardCharsets.UTF_8));

    private static Grant grant(String token, Duration left) {
        return new Grant(Secret.of(token), Optional.empty(), Optional.of(Instant.now().plus(left)), Optional.empty(),
                List.of());
    }

    @Test
    void exportsTheSoonestEndPerPlatform() {
        try (ConfigurableApplicationContext app = TestApp.start(true, Map.of(StoredRefreshTokens.KEY_VARIABLE, KEY),
                List.of("syncledger.sync.schedule.enabled=true"))) {
            assertThat(app.getBean(JdbcClient.class).sql(
                    "select count(*) from scheduled_tasks where task_name = 'connection-keeper'").query(Long.class)
                    .single()).as("serve runs the keeper as a recurring cluster task").isEqualTo(1);
            ConnectionStore connections = app.getBean(ConnectionStore.class);
            connections.create(Platform.LINKEDIN, "far", grant("metric-TOKEN-far", Duration.ofDays(50)), List.of());
            connections.create(Platform.LINKEDIN, "near", grant("metric-TOKEN-near", Duration.ofDays(3)), List.of());
            long revoked = connections.create(Platform.META, "gone", grant("metric-TOKEN-gone", Duration.ofDays(1)),
                    List.of()).id();
            connections.revoke(revoked);

            app.getBean(ConnectionExpiryMetrics.class).refresh();

            String scrape = new Http(TestApp.baseUrl(app), TestApp.READ_KEY.key()).get("/actuator/prometheus").body();
            List<String> series = scrape.lines().filter(l -> l.startsWith("syncledger_connection_expiry_seconds")).toList();
            assertThat(series).singleElement().satisfies(line -> {
                // The common tags of every series, and the platform: never a connection's label or id.
                assertThat(line.substring(0, line.indexOf('}') + 1)).endsWith(",platform=\"linkedin\"}")
                        .doesNotContain("near", "far");
                double seconds = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                assertThat(seconds).isBetween(2 * 86_400.0, 3 * 86_400.0);
            });
            assertThat(scrape).doesNotContain("metric-TOKEN");
        }
    }
}
