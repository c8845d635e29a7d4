package com.syncledger.app.metrics;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.api.Http;
import com.syncledger.app.console.SyncedStores;
import com.syncledger.sandbox.DemoData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Debian {@code prometheus} server scrapes a running SyncLedger (synced over the sandbox platforms) with a
 * read key from a file, as docs/operations.md configures it; the series come back through Prometheus's own
 * HTTP API.
 */
class RealPrometheusTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private static SyncedStores stores;
    private static Process prometheus;
    private static String prometheusUrl;

    @BeforeAll
    static void start() throws IOException {
        Path binary = DebianBinaries.require("prometheus");
        stores = new SyncedStores(List.of("syncledger.metrics.refresh=500ms"));
        Path key = Files.writeString(work.resolve("syncledger-key"), READ_KEY.key());
        String target = URI.create(stores.baseUrl()).getAuthority();
        Path config = Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: syncledger
                    metrics_path: /actuator/prometheus
                    authorization:
                      type: Bearer
                      credentials_file: %s
                    static_configs:
                      - targets: ["%s"]
                """.formatted(key, target));
        int port = freePort();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void prometheusScrapesTheSeedMetricsAndTheFreshnessOfEverySyncedPlatform() {
        Set<String> platforms = new TreeSet<>(stores.platforms);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(values("up{job=\"syncledger\"}", "job")).as("the scrape succeeds").containsExactly("syncledger");
            assertThat(values("kiki_ad_spend_fetch_total", "platform")).containsAll(platforms);
            assertThat(values("kiki_ad_spend_freshness_seconds", "platform")).containsAll(platforms);
            assertThat(values("kiki_ad_spend_account_days{state=\"missing\"}", "platform")).containsAll(platforms);
        });

        // Month to date runs from the first of yesterday's month in the account's own calendar; the sync reached
        // the day before yesterday.
        Set<String> syncedThisMonth = new TreeSet<>();
        stores.accountZones.forEach((platform, zone) -> {
            LocalDate monthStart = LocalDate.now(zone).minusDays(1).withDayOfMonth(1);
            if (!stores.syncedThrough.isBefore(monthStart)) {
                syncedThisMonth.add(platform);
            }
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(values("kiki_ad_spend_amount{window=\"month_to_date\"}", "platform"))
                        .isEqualTo(syncedThisMonth));
        assertThat(values("kiki_ad_spend_amount{window=\"\"}", "platform"))
                .as("no amount without a window: the last fetch's spend is not exported by the service").isEmpty();
        assertThat(values("kiki_ad_spend_amount{window=\"yesterday\"}", "platform"))
                .as("yesterday was not synced, so it has no value at all, not a zero").isEmpty();
        assertThat(values("kiki_ad_spend_account_days{state=\"missing\"} > 0", "platform"))
                .as("every platform's gap of days is counted").containsAll(platforms);
        for (String series : List.of("kiki_ad_spend_amount", "kiki_ad_spend_account_days", "kiki_ad_spend_freshness_seconds")) {
            for (JsonNode result : query(series)) {
                assertThat(result.get("metric").toString()).as("bounded tags").doesNotContain(
                        DemoData.ACCOUNTS.stream().map(DemoData.DemoAccount::id).toArray(String[]::new));
            }
        }
    }

    @Test
    void theServicesOwnScrapeShowsTheWindowsAndSyncDurations() {
        Http http = new Http(stores.baseUrl(), READ_KEY.key());
        // The ledger's series are read on the metrics' refresh, which may not have run since the sync yet.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.get("/actuator/prometheus").body()).contains("kiki_ad_spend_sync_seconds_count{",
                        "outcome=\"succeeded\"", "kiki_ad_spend_freshness_seconds{"));
        String scrape = http.get("/actuator/prometheus").body();
        assertThat(scrape.lines().filter(l -> l.startsWith("kiki_ad_spend_amount{")))
                .allSatisfy(line -> assertThat(line).contains("window="));
    }

    private static Set<String> values(String promql, String label) {
        Set<String> found = new TreeSet<>();
        query(promql).forEach(result -> found.add(result.path("metric").path(label).asString()));
        return found;
    }

    private static List<JsonNode> query(String promql) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(prometheusUrl
                    + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asString()).as(response.body()).isEqualTo("success");
            List<JsonNode> results = new ArrayList<>();
            body.path("data").path("result").forEach(results::add);
            return results;
        } catch (IOException e) {
            throw new AssertionError("Prometheus does not answer yet at " + prometheusUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
