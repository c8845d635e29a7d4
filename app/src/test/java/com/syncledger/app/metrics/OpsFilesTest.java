package com.syncledger.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alerting rules and the dashboard in {@code ops/}: valid for Prometheus, and over metrics that exist. */
class OpsFilesTest {

    static final Path OPS = Path.of("..", "ops");
    private static final Pattern METRIC = Pattern.compile("\\b((?:kiki|syncledger)_[a-z_]+)");
    /** Every kiki_ series the service exports (the fetch engine's, the ledger's, billing's). */
    private static final List<String> EXPORTED = List.of("kiki_ad_spend_amount", "kiki_ad_spend_freshness_seconds",
            "kiki_ad_spend_account_days", "kiki_ad_spend_sync_seconds_sum", "kiki_ad_spend_sync_seconds_count",
            "kiki_ad_spend_fetch_total", "kiki_ad_spend_fetch_errors_total", "kiki_ad_spend_request_seconds_bucket",
            "kiki_ad_spend_request_seconds_sum", "kiki_ad_spend_request_seconds_count", "kiki_net_profit_uplift",
            "kiki_ad_spend_rate_budget_wait_seconds_bucket", "kiki_ad_spend_rate_budget_wait_seconds_sum",
            "kiki_ad_spend_rate_budget_wait_seconds_count", "syncledger_connection_expiry_seconds");

    @Test
    void promtoolAcceptsTheAlertingRules() throws Exception {
        Path promtool = DebianBinaries.require("promtool");
        Process check = new ProcessBuilder(promtool.toString(), "check", "rules", OPS.resolve("alerts.yml").toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 6 rules found");
    }

    @Test
    void theRulesAndTheDashboardUseOnlyExportedMetrics() throws IOException {
        List<String> used = new ArrayList<>(metrics(Files.readString(OPS.resolve("alerts.yml"))));
        JsonNode dashboard = JsonMapper.builder().build().readTree(OPS.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(8);
        dashboard.get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> used.addAll(metrics(target.get("expr").asString()))));
        assertThat(used).contains("kiki_ad_spend_freshness_seconds", "kiki_ad_spend_fetch_errors_total",
                "kiki_net_profit_uplift", "kiki_ad_spend_amount", "syncledger_connection_expiry_seconds");
        assertThat(EXPORTED).containsAll(used);
    }

    private static List<String> metrics(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
