package com.syncledger.bench;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.database.DurabilityCheck;
import com.syncledger.app.database.EmbeddedPostgresServer;
import com.syncledger.app.fetch.BudgetUse;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * ms, with the documented rate budgets. Two modes:
 * <ul>
 * <li><b>to the end</b> (default): one sync of every store, timed until every account sync task has ended; the
 * share of the budget bound is the time the busiest platform's requests need at its sustained budget, over the
 * time taken (100% is the bound).</li>
 * <li><b>a fixed window</b> ({@code --window=PT5M}, after {@code --warmup=PT1M}): every store's sync is asked for
 * again every {@code --feed} interval (a request identical to a waiting task joins it), so every platform always
 * has accounts waiting; over the window, per platform, the account syncs that succeeded and the requests the
 * fake received, against what the platform's budget allows over the same window.</li>
 * </ul>
 * Both count the requests a fake would have refused for exceeding its documented limit (in sliding windows of
 * its period, as the fake received them, over the whole run; must be 0).
 */
public final class ClusterSyncBenchmark {

    /** The platforms each store links an account on. */
    private static List<Platform> platforms;

    private static final DateRange RANGE = DateRange.of(LocalDate.now(ZoneOffset.UTC).minusDays(9),
            LocalDate.now(ZoneOffset.UTC).minusDays(3));

    /** How long to measure, after how long a warm-up, and how often to ask again; null window: to the end. */
    private record Window(Duration length, Duration warmup, Duration feed) {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                positional.add(arg);
            }
        }
        int stores = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 300;
        int[] instanceCounts = Arrays.stream((positional.size() > 1 ? positional.get(1) : "1,2,3").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int latencyMs = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 200;
        int threads = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 8;
        platforms = positional.size() > 4 ? Arrays.stream(positional.get(4).split(",")).map(Platform::fromSlug).toList()
                : List.of(Platform.values());
        Window window = flags.containsKey("window") ? new Window(Duration.parse(flags.get("window")),
                Duration.parse(flags.getOrDefault("warmup", "PT1M")), Duration.parse(flags.getOrDefault("feed", "PT10S")))
                : null;
        flags.keySet().removeAll(List.of("window", "warmup", "feed"));
        if (stores < 1 || latencyMs < 0 || threads < 1 || Arrays.stream(instanceCounts).anyMatch(n -> n < 1)
                || !flags.isEmpty() || (window != null && (!window.length().isPositive()
                        || window.warmup().isNegative() || !window.feed().isPositive()))) {
            System.err.println("usage: ClusterSyncBenchmark [stores=300] [instances=1,2,3] [latency ms=200] "
                    + "[sync threads per instance=8] [platforms=all, e.g. meta,google] "
                    + "[--window=PT5M [--warmup=PT1M] [--feed=PT10S]]");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "cluster sync benchmark: %d stores x %d platforms %s, range %s (%d days), "
                + "latency %d ms, %d sync threads per instance, documented budgets; %s; %d cores, Java %s; "
                + "load average at start %s%n%n", stores, platforms.size(), platforms, RANGE, RANGE.days(), latencyMs,
                threads, window == null ? "every store synced once, to the end"
                        : "measured over " + window.length() + " after a warm-up of " + window.warmup()
                                + ", every store asked for again every " + window.feed(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), BillingBenchmark.loadAverage());
        List<String> perPlatform = new ArrayList<>();
        if (window == null) {
            System.out.println("| instances | accounts | time | accounts/min | requests | refused by a fake "
                    + "| busiest platform | of the budget bound | load average |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---|---:|---|");
        } else {
            System.out.println("| instances | window | account syncs | syncs/min | bound syncs/min | of the bound "
                    + "| requests | refused by a fake | failed runs | load average |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        }
        for (int instances : instanceCounts) {
            run(stores, instances, latencyMs, threads, window, perPlatform);
        }
        if (window != null) {
            System.out.println();
            System.out.println("Per platform (the bound: the budget's sustained rate over the window plus what its "
                    + "bucket held at the window's start, divided by the requests one account sync took):");
            System.out.println();
            System.out.println("| instances | platform | documented limit | budget requests/min | requests "
                    + "| account syncs | requests per sync | syncs/min | bound syncs/min | of the bound |");
            System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
            perPlatform.forEach(System.out::println);
        }
    }

    private static void run(int stores, int instances, int latencyMs, int threads, Window window,
            List<String> perPlatform) throws Exception {
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
                    SyncService sync = app.getBean(SyncService.class);
                    if (window != null) {
                        measureWindow(app, sandbox, jdbc, sync, storeIds, instances, window, perPlatform);
                        return;
                    }
                    long start = System.nanoTime();
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

    /**
     * Keeps every platform's queue full (every store asked for again every {@code feed}; identical waiting tasks
     * are joined, so an account has at most one task waiting), waits out the warm-up, then counts per platform
     * over the window: account syncs that succeeded, requests the fake received, and the bound its budget allows.
     */
    private static void measureWindow(ConfigurableApplicationContext app, Sandbox sandbox, JdbcClient jdbc,
            SyncService sync, List<Long> storeIds, int instances, Window window, List<String> perPlatform)
            throws Exception {
        FetchEngine engine = app.getBean(FetchEngine.class);
        for (Platform platform : platforms) {
            engine.descriptor(platform); // builds the connector, so its shared budget can be read
        }
        Thread feeder = Thread.ofPlatform().daemon().name("bench-feeder").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long next = System.nanoTime() + window.feed().toNanos();
                    for (long store : storeIds) {
                        sync.requestStore(store, RANGE);
                    }
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException stop) {
                // the window is over
            }
        });
        try {
            Thread.sleep(window.warmup().toMillis());
            Map<Platform, Long> heldAtStart = new HashMap<>();
            for (Platform platform : platforms) {
                // Tokens reserved ahead (a negative balance) are refills within the window, already in the rate.
                heldAtStart.put(platform, Math.max(0, engine.budgetUse(platform).map(BudgetUse::available).orElse(0L)));
            }
            Instant from = Instant.now();
            Thread.sleep(window.length().toMillis());
            Instant to = Instant.now();
            reportWindow(engine, sandbox, jdbc, instances, from, to, heldAtStart, perPlatform);
        } finally {
            feeder.interrupt();
            feeder.join();
        }
    }

    private static void reportWindow(FetchEngine engine, Sandbox sandbox, JdbcClient jdbc, int instances,
            Instant from, Instant to, Map<Platform, Long> heldAtStart, List<String> perPlatform) {
        Duration length = Duration.between(from, to);
        double minutes = length.toMillis() / 60000.0;
        long syncsTotal = 0;
        long requestsTotal = 0;
        long refused = 0;
        double boundTotal = 0;
        boolean boundComplete = true;
        for (Platform platform : platforms) {
            RateLimit limit = engine.descriptor(platform).rateLimit();
            List<RecordedRequest> seen = sandbox.fake(platform.slug()).requests();
            refused += RequestWindows.overLimit(seen, limit.requests(), limit.period());
            long requests = seen.stream().filter(r -> !r.receivedAt().isBefore(from) && r.receivedAt().isBefore(to))
                    .count();
            long syncs = jdbc.sql("""
                    select count(*) from sync_run r join ad_account a on a.id = r.ad_account_id
                    where a.platform = ? and r.status = 'succeeded' and r.finished_at >= ? and r.finished_at < ?""")
                    .params(platform.slug(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
            double allowedRequests = sustainedPerSecond(limit) * length.toMillis() / 1000.0
                    + heldAtStart.getOrDefault(platform, 0L);
            syncsTotal += syncs;
            requestsTotal += requests;
            String perSync = "-";
            String bound = "-";
            String share = "-";
            if (syncs > 0) {
                double requestsPerSync = (double) requests / syncs;
                double boundSyncs = allowedRequests / requestsPerSync;
                boundTotal += boundSyncs;
                perSync = String.format(Locale.ROOT, "%.1f", requestsPerSync);
                bound = String.format(Locale.ROOT, "%.1f", boundSyncs / minutes);
                share = String.format(Locale.ROOT, "%.0f%%", 100.0 * requests / allowedRequests);
            } else {
                boundComplete = false;
            }
            perPlatform.add(String.format(Locale.ROOT, "| %d | %s | %d/%s | %.1f | %d | %d | %s | %.1f | %s | %s |",
                    instances, platform.slug(), limit.requests(), limit.period(), sustainedPerSecond(limit) * 60,
                    requests, syncs, perSync, syncs / minutes, bound, share));
        }
        long failed = jdbc.sql("select count(*) from sync_run where status not in ('succeeded', 'running') "
                + "and finished_at >= ? and finished_at < ?").params(Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).single();
        System.out.printf(Locale.ROOT, "| %d | %.1f min | %d | %.1f | %.1f%s | %.0f%% | %d | %d | %d | %s |%n", instances,
                minutes, syncsTotal, syncsTotal / minutes, boundTotal / minutes, boundComplete ? "" : " (partial)",
                boundTotal == 0 ? 0 : 100 * syncsTotal / boundTotal, requestsTotal, refused, failed,
                BillingBenchmark.loadAverage());
    }

    /**
     * The rate a shared budget sustains once its bucket is empty: {@code N - C} requests per 110% of the period
     * (one request per 220% of it for a limit of one), as CredentialBudget and SharedBudgetStore configure it.
     */
    private static double sustainedPerSecond(RateLimit limit) {
        long burst = limit.requests() < 20 ? (limit.requests() + 1) / 2 : limit.requests() / 10;
        long refill = limit.requests() - burst;
        double refillMillis = limit.period().toMillis() * 1.1 * (refill < 1 ? 2 : 1);
        return Math.max(1, refill) / refillMillis * 1000;
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
            double seconds = Math.max(0, seen.size() - burst) / sustainedPerSecond(limit);
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
