package com.syncledger.bench;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.database.DurabilityCheck;
import com.syncledger.app.database.EmbeddedPostgresServer;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.RequestWindows;
import com.syncledger.sandbox.Sandbox;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many instances, one ledger: {@code stores} stores x 9 platforms synced by 1, 2, ... instances (each its own
 * JVM running {@code serve}) on one PostgreSQL, against the sandbox answering every call after {@code latency}
 * ms, with the documented rate budgets. For each instance count: accounts synced per minute, the requests a
 * fake would have refused for exceeding its documented limit (counted in sliding windows of its period, as
 * the fake received them; must be 0), and how close the run came to the bound the budgets allow (the time
 * the busiest platform's requests need at its sustained budget, over the time taken; 100% is the bound).
 */
public final class ClusterSyncBenchmark {

    /** The platforms each store links an account on. */
    private static List<Platform> platforms;

    private static final DateRange RANGE = DateRange.of(LocalDate.now(ZoneOffset.UTC).minusDays(9),
            LocalDate.now(ZoneOffset.UTC).minusDays(3));

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int[] instanceCounts = Arrays.stream((args.length > 1 ? args[1] : "1,2,3").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        platforms = args.length > 4 ? Arrays.stream(args[4].split(",")).map(Platform::fromSlug).toList()
                : List.of(Platform.values());
        if (stores < 1 || latencyMs < 0 || threads < 1 || Arrays.stream(instanceCounts).anyMatch(n -> n < 1)) {
            System.err.println("usage: ClusterSyncBenchmark [stores=300] [instances=1,2,3] [latency ms=200] "
                    + "[sync threads per instance=8] [platforms=all, e.g. meta,google]");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "cluster sync benchmark: %d stores x %d platforms %s, range %s (%d days), "
                + "latency %d ms, %d sync threads per instance, documented budgets; %d cores, Java %s; "
                + "load average at start %s%n%n", stores, platforms.size(), platforms, RANGE, RANGE.days(), latencyMs,
                threads, Runtime.getRuntime().availableProcessors(), Runtime.version(), BillingBenchmark.loadAverage());
        System.out.println("| instances | accounts | time | accounts/min | requests | refused by a fake "
                + "| busiest platform | of the budget bound | load average |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|---:|---|");
        for (int instances : instanceCounts) {
            run(stores, instances, latencyMs, threads);
        }
    }

    private static void run(int stores, int instances, int latencyMs, int threads) throws Exception {
        Path dir = Files.createTempDirectory("syncledger-bench-cluster");
        try (Sandbox sandbox = Sandbox.startWithDemoData();
                EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("pgdata"),
                        EmbeddedPostgresServer.Durability.FAST, 0)) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.put("SYNCLEDGER_DB_URL", db.jdbcUrl());
            settings.put("SYNCLEDGER_DB_USER", "postgres");
            settings.put(DurabilityCheck.ALLOW_UNSAFE, "true");
            settings.put("SYNCLEDGER_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            settings.put("SYNCLEDGER_API_KEYS", NewApiKey.generate(Role.READ).entry());
            settings.put("SYNCLEDGER_SYNC_THREADS", String.valueOf(threads));
            // No scheduled turn during the measurement: only the benchmark's own requests are synced.
            settings.put("SYNCLEDGER_SYNC_INITIAL_DELAY", "PT24H");
            Env env = Env.of(settings);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncLedgerApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("syncledger.sync.schedule.enabled=false")
                    .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run()) {
                List<Long> storeIds = link(app, stores);
                for (Platform platform : Platform.values()) {
                    sandbox.fake(platform.slug()).latency(Duration.ofMillis(latencyMs));
                }
                List<Node> nodes = new ArrayList<>();
                try {
                    for (int i = 1; i <= instances; i++) {
                        nodes.add(startInstance("bench-" + i, settings));
                    }
                    JdbcClient jdbc = app.getBean(JdbcClient.class);
                    for (Node node : nodes) {
                        node.awaitReady();
                    }
                    long start = System.nanoTime();
                    SyncService sync = app.getBean(SyncService.class);
                    int accounts = 0;
                    for (long store : storeIds) {
                        accounts += sync.requestStore(store, RANGE).size();
                    }
                    while (jdbc.sql("select count(*) from scheduled_tasks where task_name = 'account-sync'")
                            .query(Long.class).single() > 0) {
                        Thread.sleep(200);
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    report(app, sandbox, jdbc, instances, accounts, took);
                } finally {
                    nodes.forEach(node -> node.process().destroy());
                    for (Node node : nodes) {
                        node.process().waitFor();
                    }
                }
            }
        } finally {
            BillingBenchmark.deleteRecursively(dir);
        }
    }

    /** Every store links one demo account of every platform (alternating between the two each platform has). */
    private static List<Long> link(ConfigurableApplicationContext app, int stores) {
        List<Long> ids = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            long store = app.getBean(Stores.class).create(new StoreInput("Store " + s, "UTC", "USD")).id();
            for (Platform platform : platforms) {
                List<DemoData.DemoAccount> demos = DemoData.ACCOUNTS.stream()
                        .filter(d -> d.platform().equals(platform.slug())).toList();
                DemoData.DemoAccount demo = demos.get(s % demos.size());
                app.getBean(AdAccounts.class).link(store, AccountId.of(platform, demo.id()));
            }
            ids.add(store);
        }
        return ids;
    }

    private static void report(ConfigurableApplicationContext app, Sandbox sandbox, JdbcClient jdbc, int instances,
            int accounts, Duration took) {
        FetchEngine engine = app.getBean(FetchEngine.class);
        int requests = 0;
        int refused = 0;
        double boundSeconds = 0;
        String busiest = "-";
        for (Platform platform : platforms) {
            RateLimit limit = engine.descriptor(platform).rateLimit();
            List<RecordedRequest> seen = sandbox.fake(platform.slug()).requests();
            requests += seen.size();
            refused += RequestWindows.overLimit(seen, limit.requests(), limit.period());
            // The shared budget sustains N - C requests per 110% of the period after a burst of C (see
            // CredentialBudget and SharedBudgetStore).
            // A limit of one request per period refills it over two periods.
            long burst = limit.requests() < 20 ? (limit.requests() + 1) / 2 : limit.requests() / 10;
            long refill = limit.requests() - burst;
            double refillMillis = limit.period().toMillis() * 1.1 * (refill < 1 ? 2 : 1);
            double sustainedPerSecond = Math.max(1, refill) / refillMillis * 1000;
            double seconds = Math.max(0, seen.size() - burst) / sustainedPerSecond;
            if (seconds > boundSeconds) {
                boundSeconds = seconds;
                busiest = platform.slug() + " (" + seen.size() + " requests, " + limit.requests() + "/"
                        + limit.period() + ")";
            }
        }
        long failed = jdbc.sql("select count(*) from sync_run where status <> 'succeeded'").query(Long.class).single();
        double minutes = took.toMillis() / 60000.0;
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f s | %.0f | %d | %d | %s | %.0f%% | %s |%s%n", instances,
                accounts, took.toMillis() / 1000.0, accounts / minutes, requests, refused, busiest,
                100 * boundSeconds / (took.toMillis() / 1000.0), BillingBenchmark.loadAverage(),
                failed > 0 ? " (" + failed + " runs failed)" : "");
    }

    /** One instance: its JVM and its HTTP port. */
    private record Node(Process process, int port) {

        /** Waits until the instance answers {@code /healthz}: it has migrated and runs sync tasks. */
        void awaitReady() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("an instance stopped at start; see its log in the temp directory");
                }
                try {
                    HttpResponse<Void> reply = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (reply.statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("an instance did not become ready within 10 minutes");
        }
    }

    private static Node startInstance(String name, Map<String, String> settings) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        File log = File.createTempFile("cluster-bench-" + name + "-", ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", System.getProperty("java.class.path"), SyncLedgerApplication.class.getName(), "serve")
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(settings);
        builder.environment().put("SYNCLEDGER_INSTANCE_NAME", name);
        builder.environment().put("SYNCLEDGER_PORT", String.valueOf(port));
        return new Node(builder.start(), port);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
