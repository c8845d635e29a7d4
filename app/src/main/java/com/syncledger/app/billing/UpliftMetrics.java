package com.syncledger.app.billing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kiki_net_profit_uplift{platform,currency}}: the uplift of each store's latest statement or preview,
 * per attribution line (a platform, or {@code unattributed}), summed over the stores billed in that
 * currency. Display only: the statements are exact. Tags stay bounded: ten lines, a few currencies.
 */
@Component
class UpliftMetrics {

    static final String UPLIFT = "kiki.net.profit.uplift";

    private record Line(String platform, String currency) {
    }

    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<Long, Map<Line, BigDecimal>> latestByStore = new ConcurrentHashMap<>();
    private final Map<Line, Gauge> gauges = new ConcurrentHashMap<>();

    public UpliftMetrics(ObjectProvider<MeterRegistry> meters, JdbcClient jdbc, JsonMapper json) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Starts from each store's latest issued statement, so the gauge survives a restart. Only a server is
     * scraped, and only a server publishes this event: a CLI command neither reads every statement nor makes
     * this bean.
     */
    @EventListener
    public void loadIssued(WebServerInitializedEvent started) {
        jdbc.sql("select distinct on (store_id) store_id, document from billing_statement order by store_id, period desc")
                .query((rs, row) -> {
                    record(rs.getLong("store_id"), json.readTree(rs.getString("document")));
                    return null;
                }).list();
    }

    void record(Statement statement) {
        record(statement.storeId(), json.valueToTree(StatementDocument.tree(statement)));
    }

    void record(IssuedStatement statement) {
        record(statement.storeId(), json.readTree(statement.document()));
    }

    private void record(long storeId, JsonNode document) {
        String currency = document.path("currency").asString();
        Map<Line, BigDecimal> lines = new ConcurrentHashMap<>();
        document.path("upliftByPlatform").properties()
                .forEach(e -> lines.put(new Line(e.getKey(), currency), new BigDecimal(e.getValue().asString())));
        latestByStore.put(storeId, lines);
        lines.keySet().forEach(line -> gauges.computeIfAbsent(line, this::register));
    }

    private Gauge register(Line line) {
        return Gauge.builder(UPLIFT, this, metrics -> metrics.total(line).doubleValue())
                .description("Net-profit uplift of each store's latest statement or preview, per attribution line")
                .tag("platform", line.platform()).tag("currency", line.currency()).register(meters);
    }

    private BigDecimal total(Line line) {
        return latestByStore.values().stream().map(lines -> lines.getOrDefault(line, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
