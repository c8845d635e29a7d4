package com.syncledger.bench;

import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.AccountSink;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backfill of {@code stores} stores x 9 platforms x up to {@code days} days through the fetch engine against
 * the sandbox, run in a JVM with a small heap ({@code -Xmx256m} in bench/pom.xml), printed as Markdown for
 * docs/benchmarks.md. Every account is an {@link AccountSink}, as a sync's accounts are, reading the last
 * {@code days} days (or what the platform keeps, if less) newest chunk first; each chunk is counted and dropped,
 * so what stays in memory is the engine's own. The sandbox runs in a child process ({@link BackfillSandbox}).
 * Heap used and resident set size are sampled every 250 ms.
 */
public final class BackfillMemoryBench {

    private BackfillMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        String sandboxXmx = args.length > 2 ? args[2] : "6g";
        String loadBefore = FetchBench.loadAverage();
        Process sandbox = startSandbox(stores, days, sandboxXmx);
        try {
            Map<String, String> environment = readEnvironment(sandbox);
            run(stores, days, environment, loadBefore);
        } finally {
            sandbox.getOutputStream().close();
            sandbox.waitFor(30, TimeUnit.SECONDS);
            sandbox.destroy();
        }
    }

    private static void run(int stores, int days, Map<String, String> environment, String loadBefore) {
        Map<String, String> values = new HashMap<>(environment);
        for (Platform platform : Platform.values()) {
            values.put(FetchSettings.PREFIX + "RATE_LIMIT_" + platform.name(), "1000000/1s");
        }
        // The sandbox's reports finish on a poll count, not after a time.
        values.put("AMAZON_POLL_INTERVAL_MS", "1");
        values.put("MICROSOFT_POLL_INTERVAL_MS", "0");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FetchEngine engine = FetchEngine.builder(Env.of(values)).meters(meters).build();
        List<BackfillSink> sinks = new ArrayList<>();
        for (int store = 1; store <= stores; store++) {
            for (Platform platform : Platform.values()) {
                int kept = Math.min(days, engine.descriptor(platform).retentionDays());
                sinks.add(new BackfillSink(AccountId.of(platform, BackfillSandbox.accountId(store, platform)), kept));
            }
        }
        MemorySamples memory = new MemorySamples();
        long started = System.nanoTime();
        List<AccountFetch> results;
        try (ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
            sampler.scheduleAtFixedRate(memory::sample, 0, 250, TimeUnit.MILLISECONDS);
            results = engine.fetch(sinks, true);
            sampler.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        memory.sample();
        // What the finished backfill still holds (every account's result and sink) after a full collection.
        System.gc();
        long liveAtEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long failed = results.stream().filter(r -> !r.isOk()).count();
        results.stream().filter(r -> !r.isOk()).limit(3).forEach(r -> System.err.println("failed: " + r));
        long accountDays = sinks.stream().mapToLong(s -> s.read.get()).sum();
        long requests = meters.find("kiki.ad.spend.request").timers().stream().mapToLong(t -> t.count()).sum();

        System.out.printf("Machine: %d cores, Java %s, -Xmx %d MiB. Load average before: %s; after: %s.%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadBefore, FetchBench.loadAverage());
        System.out.println("| stores | accounts | account-days | requests | failed | wall | account-days/s "
                + "| peak heap used | heap after GC, highest | live at the end (full GC) | peak RSS |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %,d | %,d | %d | %.1f s | %,.0f | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB |%n",
                stores, sinks.size(), accountDays, requests, failed, seconds, accountDays / seconds,
                mib(memory.peakHeap), mib(memory.peakAfterGc), mib(liveAtEnd), mib(memory.peakRss));
        if (failed > 0) {
            throw new IllegalStateException(failed + " accounts failed");
        }
    }

    /** One account of the backfill: reads the last {@code days} days it keeps, counts them, keeps none. */
    private static final class BackfillSink implements AccountSink {
        private final AccountId account;
        private final int days;
        /** Days read so far; the benchmark's check that every account was read whole. */
        final AtomicLong read = new AtomicLong();

        BackfillSink(AccountId account, int days) {
            this.account = account;
            this.days = days;
        }

        @Override
        public AccountId account() {
            return account;
        }

        @Override
        public DateRange info(AccountInfo info) {
            LocalDate yesterday = LocalDate.now(info.timeZone()).minusDays(1);
            return DateRange.of(yesterday.minusDays(days - 1L), yesterday);
        }

        @Override
        public void chunk(SpendReport chunk) {
            read.addAndGet(chunk.days().size());
        }
    }

    /** Heap used, heap kept after the last collection, and resident set size: the highest of each. */
    private static final class MemorySamples {
        private volatile long peakHeap;
        private volatile long peakAfterGc;
        private volatile long peakRss;

        synchronized void sample() {
            long heap = 0;
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heap += pool.getUsage().getUsed();
                    if (pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
            }
            peakHeap = Math.max(peakHeap, heap);
            peakAfterGc = Math.max(peakAfterGc, afterGc);
            peakRss = Math.max(peakRss, rss());
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }

    private static Process startSandbox(int stores, int days, String xmx) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                BackfillSandbox.class.getName(), String.valueOf(stores), String.valueOf(days))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static Map<String, String> readEnvironment(Process sandbox) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> environment = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(BackfillSandbox.READY)) {
                return environment;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                environment.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        throw new IllegalStateException("the sandbox process ended before it was ready");
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
