package com.syncledger.app.metrics;

import com.syncledger.app.connections.ConnectionExpiry;
import com.syncledger.app.connections.ConnectionStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code syncledger_connection_expiry_seconds{platform}}: seconds until the soonest end of any connection of the
 * platform (negative once past; a connection the platform refused counts as ended now). Tagged by platform only,
 * so the series stay bounded however many clients connect. Connections without a known end and revoked ones are
 * left out; a platform with none of the others has no series.
 */
final class ConnectionExpiryMetrics {

    private static final Logger log = LoggerFactory.getLogger(ConnectionExpiryMetrics.class);

    static final String EXPIRY = "syncledger.connection.expiry";

    private final ConnectionStatuses statuses;
    private final MultiGauge expiry;

    ConnectionExpiryMetrics(MeterRegistry registry, ConnectionStatuses statuses) {
        this.statuses = statuses;
        this.expiry = MultiGauge.builder(EXPIRY)
                .description("Seconds until the soonest end of a connection of the platform (negative once past)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Reads the connections again; a failed read keeps the previous values and is logged, never thrown. */
    synchronized void refresh() {
        try {
            Instant now = statuses.now();
            Map<String, Long> soonest = new TreeMap<>();
            for (ConnectionExpiry connection : statuses.all()) {
                Long left = switch (connection.status()) {
                    case REVOKED -> null;
                    case EXPIRED -> Math.min(0, connection.secondsLeft(now).orElse(0L));
                    case ACTIVE, EXPIRING -> connection.secondsLeft(now).orElse(null);
                };
                if (left != null) {
                    soonest.merge(connection.connection().platform().slug(), left, Math::min);
                }
            }
            List<Row<?>> rows = new ArrayList<>();
            soonest.forEach((platform, seconds) -> rows.add(Row.of(Tags.of("platform", platform), seconds)));
            expiry.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("connection expiry metric not refreshed: {}", e.toString());
        }
    }
}
