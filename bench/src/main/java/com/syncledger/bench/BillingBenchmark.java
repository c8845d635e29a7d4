package com.syncledger.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.BillingTerms;
import com.syncledger.app.billing.Gap;
import com.syncledger.app.billing.IssuedStatement;
import com.syncledger.app.billing.Statement;
import com.syncledger.app.billing.Statements;
import com.syncledger.app.billing.TermsInput;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Billing at agency scale: previews and issues the success-fee statements of many stores for one month
 * (data from {@link AgencyData}), through the service's own {@link Statements}, in the running application
 * on an embedded PostgreSQL. The sandbox only provides the settings that configure all nine platforms, whose
 * connector descriptors give the restatement windows the settlement check needs; no platform is called.
 *
 * <p>Passes, each timed per store and in all: a warm-up of previews (not counted); previews of every store
 * with 1 thread and then with each pool size given; issue of every store (one thread); the same issue again,
 * which must return the statements issued before. Checked: every preview settled (no gap) and resting on
 * every account-day and entry generated, the same figures from every pass, every statement created by the
 * first issue and returned unchanged by the second. Prints a markdown section for docs/benchmarks.md.
 *
 * <p>Arguments (optional): {@code stores threads}, defaulting to {@code 1000 1,2,4}.
 */
public final class BillingBenchmark {

    private static final BillingPeriod BILLED = new BillingPeriod(AgencyData.BILLED);
    private static final String[] STATEMENT_TABLES = {"billing_statement", "statement_spend_version",
            "statement_ledger_entry", "statement_fx_rate", "statement_adjustment", "billing_audit"};

    private final int stores;
    private final Statements statements;
    private final BillingTerms terms;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final HeapWatch heap = HeapWatch.install();
    /** Per store (index = store id - 1): uplift, fee and amount due of the first preview pass. */
    private final BigDecimal[][] figures;

    private BillingBenchmark(ConfigurableApplicationContext app, int stores) {
        this.stores = stores;
        this.statements = app.getBean(Statements.class);
        this.terms = app.getBean(BillingTerms.class);
        this.dataSource = app.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.figures = new BigDecimal[stores][];
    }

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1000;
        int[] threads = Arrays.stream((args.length > 1 ? args[1] : "1,2,4").split(","))
                .mapToInt(t -> Integer.parseInt(t.strip())).toArray();
        if (stores < 1 || Arrays.stream(threads).anyMatch(t -> t < 1 || t > 8)) {
            System.err.println("usage: BillingBenchmark [stores=1000] [threads=1,2,4 (each 1 to 8)]");
            System.exit(2);
        }
        String loadAtStart = loadAverage();
        Path home = Files.createTempDirectory("syncledger-bench-billing");
        try (Sandbox sandbox = Sandbox.start()) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.put("SYNCLEDGER_HOME", home.toString()); // the embedded PostgreSQL's data
            Env env = Env.of(settings);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncLedgerApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("syncledger.sync.schedule.enabled=false")
                    .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run()) {
                new BillingBenchmark(app, stores).run(threads, loadAtStart);
            }
        } finally {
            deleteRecursively(home);
        }
    }

    private void run(int[] threads, String loadAtStart) throws Exception {
        String machine = String.format(Locale.ROOT, "%d cores, Java %s, -Xmx %d MiB, %s",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, jdbc.queryForObject("select version()", String.class)
                        .replaceFirst(" on .*", ""));
        System.out.printf(Locale.ROOT, "billing benchmark: %,d stores x %d platforms, statements for %s against "
                + "the baseline %s%n", stores, AgencyData.PLATFORMS.length, BILLED, AgencyData.BASELINE);
        System.out.println("machine: " + machine + "; load average at start " + loadAtStart);

        long start = System.nanoTime();
        new AgencyData(stores, dataSource).load();
        double loaded = seconds(start);
        for (int s = 1; s <= stores; s++) {
            terms.set(s, new TermsInput(AgencyData.BASELINE.atDay(1).toString(),
                    AgencyData.BASELINE.atEndOfMonth().toString(), "0.20", null, null,
                    AgencyData.BILLED.atDay(1).toString()), "bench");
        }
        double withTerms = seconds(start);
        jdbc.execute("vacuum analyze");
        jdbc.execute("checkpoint");
        String data = String.format(Locale.ROOT, "%,d ad accounts, %,d account-days (spend_version + spend_day), "
                        + "%,d ledger entries, %,d FX rates",
                count("ad_account"), count("spend_day"), count("ledger_entry"), count("fx_rate"));
        String generated = String.format(Locale.ROOT, "generated in %.1f s (COPY %.1f s, terms through "
                + "BillingTerms.set %.1f s): %s", withTerms, loaded, withTerms - loaded, data);
        System.out.println(generated);

        String idle = "heap used after a full GC before the passes (application, sandbox, data of no store): "
                + mib(heap.collectAndReset());
        System.out.println(idle);
        int warmUp = Math.min(stores, 100);
        runPass("warm-up, " + warmUp + " previews", 1, warmUp, this::preview);
        List<Pass> passes = new ArrayList<>();
        for (int t : threads) {
            passes.add(runPass("preview", t, stores, this::preview));
        }
        String[] documents = new String[stores];
        passes.add(runPass("issue", 1, stores, store -> documents[store - 1] = issue(store)));
        passes.add(runPass("issue again (idempotent)", 1, stores, store -> {
            check(documents[store - 1].equals(issueAgain(store)), "store " + store + ": a second issue changed it");
        }));
        int entriesPerStore = AgencyData.entriesPerStore(AgencyData.BASELINE) + AgencyData.entriesPerStore(AgencyData.BILLED);
        check(count("billing_statement") == stores
                        && count("statement_spend_version") == (long) stores * AgencyData.DAYS * AgencyData.PLATFORMS.length
                        && count("statement_ledger_entry") == (long) stores * entriesPerStore,
                "the statement tables hold " + count("billing_statement") + " statements pinned to "
                        + count("statement_spend_version") + " account-days and " + count("statement_ledger_entry")
                        + " entries");
        long fees = Arrays.stream(figures).filter(f -> f[1].signum() > 0).count();
        String checked = String.format(Locale.ROOT, "checked: every preview settled (no gap), pinned to %d "
                        + "account-days and %d entries per store, the same figures in every pass; every "
                        + "statement issued once, with the preview's figures; the second issue returned each "
                        + "unchanged. %,d of %,d stores owe a fee.",
                AgencyData.DAYS * AgencyData.PLATFORMS.length, entriesPerStore, fees, stores);
        System.out.println(checked);

        List<String[]> sizes = new ArrayList<>();
        long totalBytes = 0;
        for (String table : STATEMENT_TABLES) {
            long bytes = jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table);
            totalBytes += bytes;
            sizes.add(new String[] {table, String.format(Locale.ROOT, "%,d", count(table)), mib(bytes)});
        }
        long perStatement = totalBytes / stores;
        String loadAtEnd = loadAverage();
        System.out.println("load average at end " + loadAtEnd);
        System.out.println();
        System.out.println(markdown(Arrays.stream(threads).mapToObj(String::valueOf).collect(Collectors.joining(",")),
                passes, sizes, totalBytes, perStatement, machine, generated, idle, checked,
                loadAtStart, loadAtEnd));
    }

    // --- the work of one store -------------------------------------------------------------------------------

    private void preview(int store) {
        Statement s = statements.preview(store, BILLED);
        check(s.settled(), "store " + store + " is not settled: "
                + s.gaps().stream().limit(5).map(Gap::describe).collect(Collectors.joining("; ")));
        Statement.Pins pins = s.pins();
        int platforms = AgencyData.PLATFORMS.length;
        check(pins.periodSpendVersions().size() == platforms * AgencyData.BILLED.lengthOfMonth()
                        && pins.baselineSpendVersions().size() == platforms * AgencyData.BASELINE.lengthOfMonth()
                        && pins.periodEntries().size() == AgencyData.entriesPerStore(AgencyData.BILLED)
                        && pins.baselineEntries().size() == AgencyData.entriesPerStore(AgencyData.BASELINE),
                "store " + store + " rests on " + pins.periodSpendVersions().size() + " + "
                        + pins.baselineSpendVersions().size() + " account-days, " + pins.periodEntries().size()
                        + " + " + pins.baselineEntries().size() + " entries");
        check(s.currency().equals(AgencyData.storeCurrency(store)), "store " + store + " billed in " + s.currency());
        BigDecimal[] these = {s.uplift(), s.fee(), s.amountDue()};
        synchronized (figures) {
            if (figures[store - 1] == null) {
                figures[store - 1] = these;
            }
        }
        check(same(figures[store - 1], these), "store " + store + ": another preview gave other figures");
    }

    private String issue(int store) {
        Statements.Issued issued = statements.issue(store, BILLED, "bench");
        check(issued.created(), "store " + store + ": the first issue found a statement issued before");
        IssuedStatement s = issued.statement();
        check(same(figures[store - 1], new BigDecimal[] {s.uplift(), s.fee(), s.amountDue()}),
                "store " + store + ": issued figures differ from the preview's");
        return s.id() + "\n" + sha256(s.document());
    }

    private String issueAgain(int store) {
        Statements.Issued issued = statements.issue(store, BILLED, "bench");
        check(!issued.created(), "store " + store + ": the second issue created another statement");
        return issued.statement().id() + "\n" + sha256(issued.statement().document());
    }

    private static boolean same(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].compareTo(b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    // --- passes ----------------------------------------------------------------------------------------------

    private interface StoreTask {
        void run(int store) throws Exception;
    }

    private record Pass(String name, int threads, int stores, double seconds, long[] nanos, long peakHeap,
            long maxAfterGc, long gcMillis) {

        double perSecond() {
            return stores / seconds;
        }

        double millis(double quantile) {
            return nanos[(int) Math.min(nanos.length - 1, Math.ceil(quantile * nanos.length) - 1)] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-26s %d thread%s: %8.2f s, %7.1f statements/s, per store p50 "
                            + "%.1f ms, p99 %.1f ms, max %.1f ms; heap peak %s, max after GC %s, GC time %d ms",
                    name, threads, threads == 1 ? " " : "s", seconds, perSecond(), millis(0.50), millis(0.99),
                    nanos[nanos.length - 1] / 1e6, mib(peakHeap), mib(maxAfterGc), gcMillis);
        }
    }

    /** Runs the task for stores 1..count on a pool of {@code threads}, each store timed on its own. */
    private Pass runPass(String name, int threads, int count, StoreTask task) throws Exception {
        long[] nanos = new long[count];
        heap.collectAndReset(); // each pass starts from a collected heap, not with the garbage of the one before
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int s = 1; s <= count; s++) {
                int store = s;
                futures.add(pool.submit(() -> {
                    long began = System.nanoTime();
                    task.run(store);
                    nanos[store - 1] = System.nanoTime() - began;
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed", e.getCause());
        }
        double seconds = seconds(start);
        Arrays.sort(nanos);
        Pass pass = new Pass(name, threads, count, seconds, nanos, heap.peak(), heap.maxAfterGc(),
                gcMillis() - gcBefore);
        System.out.println(pass.line());
        return pass;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * The heap used just before each collection (its peak between collections) and just after (what was
     * live, at most), from the JVM's GC notifications; reset at each pass.
     */
    private static final class HeapWatch {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong maxAfterGc = new AtomicLong(-1);
        private final AtomicLong collections = new AtomicLong();
        private volatile long lastAfterGc;

        static HeapWatch install() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo();
                        long after = watch.heapUsed(info.getMemoryUsageAfterGc());
                        watch.peak.accumulateAndGet(watch.heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                        watch.maxAfterGc.accumulateAndGet(after, Math::max);
                        watch.lastAfterGc = after;
                        watch.collections.incrementAndGet();
                    }
                }, null, null);
            }
            return watch;
        }

        private long heapUsed(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        /**
         * A full collection ({@code System.gc()}), once its notification (delivered asynchronously) has
         * arrived, then a reset; returns the heap used after it: what the application keeps live.
         */
        long collectAndReset() throws InterruptedException {
            long before = collections.get();
            System.gc();
            for (int i = 0; i < 200 && collections.get() == before; i++) {
                Thread.sleep(10);
            }
            peak.set(used());
            maxAfterGc.set(-1);
            return lastAfterGc;
        }

        long peak() {
            return Math.max(peak.get(), used());
        }

        /** -1 when no collection ran since the reset. */
        long maxAfterGc() {
            return maxAfterGc.get();
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    // --- output ----------------------------------------------------------------------------------------------

    private String markdown(String threadList, List<Pass> passes, List<String[]> sizes, long totalBytes, long perStatement,
            String machine, String generated, String idle, String checked, String loadAtStart, String loadAtEnd) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "#### %,d stores x %d platforms, one month%n%n", stores,
                AgencyData.PLATFORMS.length));
        md.append(String.format(Locale.ROOT, "    ./mvnw -B -q -pl bench validate exec:exec@billing -Dbilling.stores=%d "
                + "-Dbilling.threads=%s -Dbilling.xmx=%dm%n%n", stores, threadList, Runtime.getRuntime().maxMemory() >> 20));
        md.append("Machine: ").append(machine).append(". Load average (1, 5, 15 min) at start ").append(loadAtStart)
                .append(", at end ").append(loadAtEnd).append(".\n\n");
        md.append("Data ").append(generated).append(".\n\n");
        md.append(Character.toUpperCase(idle.charAt(0))).append(idle.substring(1)).append(".\n\n");
        md.append("| pass | threads | wall | statements/s | per store p50 | p99 | max | peak heap used "
                + "| max heap after GC | GC time |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Pass p : passes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f s | %.1f | %.1f ms | %.1f ms | %.1f ms | %s | %s "
                            + "| %d ms |%n", p.name, p.threads, p.seconds, p.perSecond(), p.millis(0.50),
                    p.millis(0.99), p.nanos[p.nanos.length - 1] / 1e6, mib(p.peakHeap), mib(p.maxAfterGc),
                    p.gcMillis));
        }
        md.append("\nStatement tables after the issue (`pg_total_relation_size`, indexes and TOAST included):\n\n");
        md.append("| table | rows | size |\n|---|---:|---:|\n");
        sizes.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append(String.format(Locale.ROOT, "| **all** | | **%s** (%,d bytes per statement) |%n", mib(totalBytes),
                perStatement));
        md.append("\n").append(checked).append('\n');
        return md.toString();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + message);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String mib(long bytes) {
        if (bytes < 0) {
            return "no GC";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
