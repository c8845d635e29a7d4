package com.syncledger.bench;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Two measurements of the fetch engine against the sandbox, printed as Markdown for docs/benchmarks.md:
 * <ol>
 * <li>every fake answering each call after 200 ms: all platforms at once against each platform alone, so
 * the wall time of the whole fetch can be compared with the slowest platform's own chain of calls;</li>
 * <li>a zero-latency sandbox: the engine's throughput against a bare HTTP loop sending the very requests
 * the engine sent.</li>
 * </ol>
 * Rate budgets are raised far above every documented limit, so both measure the engine, not the budgets.
 */
public final class FetchBench {

    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final int REPEATS = 3;
    private static final int WARMUP_ROUNDS = 20;
    private static final int ROUNDS = 100;
    /** 30 complete days in every account's time zone. */
    private static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    private static final DateRange RANGE = DateRange.of(TO.minusDays(29), TO);

    private FetchBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Platforms with a connector: %d (%s); demo accounts: %d; range %s (%d days)%n%n",
                platforms().size(), platforms(), requests(platforms()).size(), RANGE, RANGE.days());
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            concurrency(sandbox);
        }
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            throughput(sandbox, platforms(), "all platforms");
        }
        // Amazon and Microsoft build async reports and poll them (5 ms apart in the sandbox): without them,
        // what remains is the engine's own cost per request.
        List<Platform> synchronous = platforms().stream()
                .filter(p -> p != Platform.AMAZON && p != Platform.MICROSOFT).toList();
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            throughput(sandbox, synchronous, "platforms without async reports (" + synchronous + ")");
        }
    }

    // ---- 1: concurrency with 200 ms per call ----

    private static void concurrency(Sandbox sandbox) {
        sandbox.fakes().values().forEach(f -> f.latency(LATENCY));
        Env env = env(sandbox);
        System.out.println("### Every call answered after " + LATENCY.toMillis() + " ms");
        System.out.println();
        System.out.println("| platform | requests | wall / 200 ms | alone, wall (median of " + REPEATS + ") |");
        System.out.println("|---|---|---|---|");
        Map<Platform, Long> alone = new HashMap<>();
        long slowest = 0;
        long sum = 0;
        for (Platform platform : platforms()) {
            clear(sandbox);
            long wall = median(() -> timed(env, requests(Set.of(platform))));
            int requests = sandbox.fake(platform.slug()).requests().size() / REPEATS;
            alone.put(platform, wall);
            slowest = Math.max(slowest, wall);
            sum += wall;
            System.out.printf("| %s | %d | %.1f | %d ms |%n", platform.slug(), requests,
                    (double) wall / LATENCY.toMillis(), wall);
        }
        clear(sandbox);
        long all = median(() -> timed(env, requests(platforms())));
        int totalRequests = sandbox.fakes().values().stream().mapToInt(f -> f.requests().size()).sum() / REPEATS;
        System.out.println();
        System.out.printf("All %d platforms together (%d accounts, %d requests): **%d ms** (median of %d).%n",
                platforms().size(), requests(platforms()).size(), totalRequests, all, REPEATS);
        System.out.printf("Slowest platform alone: %d ms; sum of the platforms alone: %d ms.%n", slowest, sum);
        System.out.printf("Ratio all-together / slowest-alone: **%.2f**; all-together / sum: %.2f.%n%n",
                (double) all / slowest, (double) all / sum);
    }

    // ---- 2: throughput with zero latency ----

    private static void throughput(Sandbox sandbox, List<Platform> platforms, String label) throws Exception {
        Env env = env(sandbox);
        List<FetchRequest> requests = requests(platforms);
        FetchEngine engine = engine(env);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            check(engine.fetch(requests));
        }
        clear(sandbox);
        long started = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            check(engine.fetch(requests));
        }
        long engineNanos = System.nanoTime() - started;
        List<Recorded> recorded = new ArrayList<>();
        sandbox.fakes().values().forEach(f -> f.requests().forEach(r -> recorded.add(new Recorded(f, r))));
        int perRound = recorded.size() / ROUNDS;
        List<Recorded> oneRound = recorded.subList(0, perRound);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        replay(http, oneRound, WARMUP_ROUNDS, 1);
        long sequentialNanos = replay(http, oneRound, ROUNDS, 1);
        replay(http, oneRound, WARMUP_ROUNDS, requests.size());
        long concurrentNanos = replay(http, oneRound, ROUNDS, requests.size());

        System.out.println("### Throughput, zero latency: " + label);
        System.out.println();
        System.out.printf("%d rounds of %d accounts x %d days, %d HTTP requests per round, after %d warm-up rounds.%n%n",
                ROUNDS, requests.size(), RANGE.days(), perRound, WARMUP_ROUNDS);
        System.out.println("| client | wall | requests/s | accounts/s |");
        System.out.println("|---|---|---|---|");
        row("fetch engine (connectors, retry layer, budgets, metrics)", engineNanos, perRound, requests.size());
        row("bare HTTP loop, same requests, " + requests.size() + " threads", concurrentNanos, perRound, requests.size());
        row("bare HTTP loop, same requests, 1 thread", sequentialNanos, perRound, requests.size());
        System.out.println();
    }

    private record Recorded(FakePlatform fake, RecordedRequest request) {
    }

    /** Sends the recorded requests {@code rounds} times from {@code threads} virtual threads; the wall time. */
    private static long replay(HttpClient http, List<Recorded> round, int rounds, int threads) throws Exception {
        ConcurrentLinkedQueue<Recorded> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < rounds; i++) {
            queue.addAll(round);
        }
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, threads).forEach(t -> pool.submit(() -> {
                for (Recorded next = queue.poll(); next != null; next = queue.poll()) {
                    send(http, next);
                }
                return null;
            }));
        }
        return System.nanoTime() - started;
    }

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "http2-settings");

    private static void send(HttpClient http, Recorded recorded) throws Exception {
        RecordedRequest r = recorded.request();
        URI uri = URI.create(recorded.fake().baseUrl() + r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(r.method(), r.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(r.body()));
        r.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void row(String client, long nanos, int perRound, int accounts) {
        double seconds = nanos / 1e9;
        System.out.printf("| %s | %.2f s | %.0f | %.0f |%n", client, seconds, perRound * ROUNDS / seconds,
                accounts * ROUNDS / seconds);
    }

    // ---- shared ----

    private static List<Platform> platforms() {
        return Connectors.implemented().stream().sorted().toList();
    }

    private static List<FetchRequest> requests(Iterable<Platform> platforms) {
        Set<String> slugs = new java.util.HashSet<>();
        platforms.forEach(p -> slugs.add(p.slug()));
        return DemoData.ACCOUNTS.stream().filter(a -> slugs.contains(a.platform()))
                .map(a -> FetchRequest.of(AccountId.of(Platform.fromSlug(a.platform()), a.id()), RANGE))
                .toList();
    }

    private static Env env(Sandbox sandbox) {
        Map<String, String> values = new HashMap<>(sandbox.environment());
        for (Platform platform : Platform.values()) {
            values.put(FetchSettings.PREFIX + "RATE_LIMIT_" + platform.name(), "1000000/1s");
        }
        return Env.of(values);
    }

    private static FetchEngine engine(Env env) {
        return FetchEngine.builder(env).build();
    }

    /** One fetch with a fresh engine (its own connectors and tokens), in milliseconds. */
    private static long timed(Env env, List<FetchRequest> requests) {
        FetchEngine engine = engine(env);
        long started = System.nanoTime();
        check(engine.fetch(requests));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(java.util.function.LongSupplier run) {
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            times[i] = run.getAsLong();
        }
        java.util.Arrays.sort(times);
        return times[REPEATS / 2];
    }

    private static void check(List<AccountFetch> results) {
        results.stream().filter(r -> !r.isOk()).findFirst().ifPresent(r -> {
            throw new IllegalStateException("benchmark fetch failed: " + r.account() + " " + r.error());
        });
    }

    private static void clear(Sandbox sandbox) {
        sandbox.fakes().values().forEach(FakePlatform::clearRequests);
    }
}
