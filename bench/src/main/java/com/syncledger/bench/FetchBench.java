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
import com.syncledger.sandbox.RecordedExchange;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two measurements of the fetch engine against the sandbox, printed as Markdown for docs/benchmarks.md:
 * <ol>
 * <li>every fake answering each call after 200 ms: all platforms at once against each platform alone, so
 * the wall time of the whole fetch can be compared with the slowest platform's own chain of calls;</li>
 * <li>a zero-latency sandbox: the engine's throughput against a bare HTTP loop sending the very requests
 * the engine sent, each account's in the same order (report creates, polls and downloads included, with the
 * report ids and links of its own answers; see {@link RecordedChain}).</li>
 * </ol>
 * Rate budgets are raised far above every documented limit, so both measure the engine, not the budgets.
 */
public final class FetchBench {

    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final int REPEATS = 3;
    /**
     * The shortest wait the Amazon connector accepts between poll rounds (it doubles it each round); the bare loop
     * waits as long before the same polls ({@link RecordedChain#replay}), so neither client's time includes a wait
     * the other does not have.
     */
    static final Duration AMAZON_POLL_INTERVAL = Duration.ofMillis(1);
    private static final int WARMUP_ROUNDS = Integer.getInteger("fetch.warmup", 100);
    private static final int ROUNDS = Integer.getInteger("fetch.rounds", 100);
    private static final int PASSES = Integer.getInteger("fetch.passes", 3);
    /** 30 complete days in every account's time zone. */
    private static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    private static final DateRange RANGE = DateRange.of(TO.minusDays(29), TO);

    private FetchBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Platforms with a connector: %d (%s); demo accounts: %d; range %s (%d days)%n%n",
                platforms().size(), platforms(), requests(platforms()).size(), RANGE, RANGE.days());
        if (Boolean.parseBoolean(System.getProperty("fetch.concurrency", "true"))) {
            try (Sandbox sandbox = Sandbox.startWithDemoData()) {
                concurrency(sandbox);
            }
        }
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            throughput(sandbox, platforms(), "all platforms");
        }
        // Amazon and Microsoft build async reports: create, poll, download, each call waiting for the one before.
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
            int requests = recordedCount(sandbox) / REPEATS;
            alone.put(platform, wall);
            slowest = Math.max(slowest, wall);
            sum += wall;
            System.out.printf("| %s | %d | %.1f | %d ms |%n", platform.slug(), requests,
                    (double) wall / LATENCY.toMillis(), wall);
        }
        clear(sandbox);
        long all = median(() -> timed(env, requests(platforms())));
        int totalRequests = recordedCount(sandbox) / REPEATS;
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
        List<RecordedChain> chains = chains(sandbox, engine, requests);
        int perRound = chains.stream().mapToInt(RecordedChain::size).sum();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        replay(http, chains, WARMUP_ROUNDS);

        // Engine and bare loop alternate, so both see the same machine; the median of each is compared.
        List<Pass> enginePasses = new ArrayList<>();
        List<Pass> barePasses = new ArrayList<>();
        for (int pass = 0; pass < PASSES; pass++) {
            clear(sandbox);
            enginePasses.add(Pass.measure(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    check(engine.fetch(requests));
                }
            }));
            int sent = recordedCount(sandbox);
            if (sent != perRound * ROUNDS) {
                throw new IllegalStateException("the engine sent " + sent + " requests in " + ROUNDS
                        + " rounds, not " + perRound + " a round as recorded; recorded a round: " + requestsByPath(
                        chains.stream().flatMap(c -> c.exchanges().stream()).map(RecordedExchange::request).toList())
                        + "; sent in the " + ROUNDS + " rounds: " + requestsByPath(sentRequests(sandbox)));
            }
            barePasses.add(Pass.measure(() -> replay(http, chains, ROUNDS)));
        }
        Pass engineMedian = Pass.median(enginePasses);
        Pass bareMedian = Pass.median(barePasses);

        System.out.println("### Throughput, zero latency: " + label);
        System.out.println();
        System.out.printf("%d rounds of %d accounts x %d days, %d HTTP requests per round (report creates, polls and "
                        + "downloads included), after %d warm-up rounds; %d alternating passes of each client, median "
                        + "shown. Load average before: %s%n%n",
                ROUNDS, requests.size(), RANGE.days(), perRound, WARMUP_ROUNDS, PASSES, loadAverage());
        System.out.println("| client | wall | requests/s | accounts/s | CPU per request (whole JVM, sandbox included) |");
        System.out.println("|---|---|---|---|---|");
        row("fetch engine (connectors, retry layer, budgets, metrics)", engineMedian, perRound, requests.size());
        row("bare HTTP loop, same requests in the same order per account, one thread per account", bareMedian,
                perRound, requests.size());
        System.out.println();
        System.out.printf("Engine / bare loop: **%.0f%%** of the requests per second (passes: engine %s; bare %s).%n%n",
                100.0 * bareMedian.nanos() / engineMedian.nanos(), walls(enginePasses), walls(barePasses));
    }

    /** Each account's requests, fetched alone once so that they are known to be its own. */
    private static List<RecordedChain> chains(Sandbox sandbox, FetchEngine engine, List<FetchRequest> requests) {
        sandbox.fakes().values().forEach(f -> f.recordAnswers(true));
        List<RecordedChain> chains = new ArrayList<>();
        for (FetchRequest request : requests) {
            clear(sandbox);
            check(engine.fetch(List.of(request)));
            awaitAnswersRecorded(sandbox);
            chains.add(RecordedChain.of(sandbox));
        }
        sandbox.fakes().values().forEach(f -> f.recordAnswers(false));
        clear(sandbox);
        return chains;
    }

    /** Sends every chain {@code rounds} times: each round one virtual thread per account, as the engine does. */
    private static void replay(HttpClient http, List<RecordedChain> chains, int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = chains.stream().map(chain -> threads.submit(() -> {
                    chain.replay(http, AMAZON_POLL_INTERVAL);
                    return null;
                })).collect(java.util.stream.Collectors.toList());
                for (Future<?> done : running) {
                    done.get();
                }
            }
        }
    }

    /** Wall-clock and process CPU time of one measured pass. */
    private record Pass(long nanos, long cpuNanos) {

        interface Work {
            void run() throws Exception;
        }

        static Pass measure(Work work) throws Exception {
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            work.run();
            return new Pass(System.nanoTime() - started, processCpuNanos() - cpu);
        }

        static Pass median(List<Pass> passes) {
            List<Pass> sorted = passes.stream().sorted(java.util.Comparator.comparingLong(Pass::nanos)).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String walls(List<Pass> passes) {
        return passes.stream().map(p -> String.format(Locale.ROOT, "%.2f s", p.nanos() / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void row(String client, Pass pass, int perRound, int accounts) {
        double seconds = pass.nanos() / 1e9;
        System.out.printf("| %s | %.2f s | %.0f | %.0f | %.0f µs |%n", client, seconds, perRound * ROUNDS / seconds,
                accounts * ROUNDS / seconds, pass.cpuNanos() / 1e3 / (perRound * ROUNDS));
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

    static Env env(Sandbox sandbox) {
        Map<String, String> values = new HashMap<>(sandbox.environment());
        for (Platform platform : Platform.values()) {
            values.put(FetchSettings.PREFIX + "RATE_LIMIT_" + platform.name(), "1000000/1s");
        }
        // The sandbox's reports finish on a poll count, not after a time: waiting between polls would measure
        // the wait. A real platform needs the documented intervals (seconds); the number of polls is the same.
        values.put("AMAZON_POLL_INTERVAL_MS", String.valueOf(AMAZON_POLL_INTERVAL.toMillis()));
        values.put("MICROSOFT_POLL_INTERVAL_MS", "0");
        return Env.of(values);
    }

    static FetchEngine engine(Env env) {
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

    /** Every request the fakes received, Microsoft's report downloads (a host of their own) included. */
    static int recordedCount(Sandbox sandbox) {
        int count = 0;
        for (FakePlatform fake : sandbox.fakes().values()) {
            count += fake.requests().size();
            if (fake instanceof MicrosoftFake microsoft) {
                count += microsoft.downloads().size();
            }
        }
        return count;
    }

    /**
     * Waits until every request the fakes received has its answer recorded: a fake records an answer after sending
     * it, so the client can have it (and the fetch be over) a moment before.
     */
    private static void awaitAnswersRecorded(Sandbox sandbox) {
        for (FakePlatform fake : sandbox.fakes().values()) {
            while (fake.exchanges().size() < fake.requests().size()
                    || fake instanceof MicrosoftFake microsoft
                            && microsoft.downloadExchanges().size() < microsoft.downloads().size()) {
                Thread.onSpinWait();
            }
        }
    }

    /** Every request the fakes answered since they were cleared, Microsoft's report downloads included. */
    private static List<RecordedRequest> sentRequests(Sandbox sandbox) {
        List<RecordedRequest> all = new ArrayList<>();
        for (FakePlatform fake : sandbox.fakes().values()) {
            all.addAll(fake.requests());
            if (fake instanceof MicrosoftFake microsoft) {
                all.addAll(microsoft.downloads());
            }
        }
        return all;
    }

    /** Requests counted by method and path with long tokens (ids) blanked, to say where two runs differ. */
    private static Map<String, Long> requestsByPath(List<RecordedRequest> requests) {
        return requests.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.method() + " " + r.path().replaceAll("[A-Za-z0-9_.%\\-]{12,}", "*"),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static void clear(Sandbox sandbox) {
        sandbox.fakes().values().forEach(FakePlatform::clearRequests);
    }
}
