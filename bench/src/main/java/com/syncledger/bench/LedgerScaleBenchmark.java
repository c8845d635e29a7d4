package com.syncledger.bench;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.ledger.SpendSummary;
import com.syncledger.app.ledger.SpendWriter;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger at an agency's size ({@link ScaleLedgerData}: {@code stores} x 9 platforms x {@code days} days,
 * 1,000 x 9 x 1,096 = 9.9 million account-days by default), in the service on a loopback port with its embedded
 * PostgreSQL (durable settings, as {@code serve} runs it):
 *
 * <ol>
 *   <li><b>Summary upkeep against a whole refresh.</b> The materialized view the service refreshed after every
 *   sync (its last definition, V4) is created beside the kept summary and refreshed concurrently, as the sync did;
 *   then the upkeep a sync now does instead is timed: an account's last two months computed again (what a 30-day
 *   restatement window touches), for random accounts, each in its own transaction; and one store's sync of its
 *   last 30 days with every day restated, through {@link SpendWriter}. The view and the kept summary are compared
 *   row by row.</li>
 *   <li><b>Reads.</b> {@code GET /stores/{id}/spend} for the last 30 and 365 days and
 *   {@code GET /stores/{id}/spend/summary} for the last 12 months, each of a random store per request, one
 *   request at a time with a read key: {@code warmUp} unmeasured requests, then {@code requests} timed from the
 *   request to the answer's last byte (server time plus a loopback round trip).</li>
 *   <li><b>Plans.</b> {@code EXPLAIN (ANALYZE, BUFFERS)} of every query those endpoints run, for one store.</li>
 * </ol>
 *
 * <p>Arguments: {@code stores days requests warmUp [reads|upkeep|all]}, default {@code 1000 1096 2000 500 all}.
 */
public final class LedgerScaleBenchmark {

    private final ScaleLedgerData data;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SplittableRandom random = new SplittableRandom(18);

    private LedgerScaleBenchmark(ScaleLedgerData data, DataSource dataSource) {
        this.data = data;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 1096;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        String parts = args.length > 4 ? args[4] : "all";
        if (stores < 1 || days < 60 || requests < 1 || warmUp < 0 || !List.of("all", "reads", "upkeep").contains(parts)) {
            System.err.println("usage: LedgerScaleBenchmark [stores=1000] [days=1096 (60 or more)] [requests=2000] "
                    + "[warm-up=500] [all|reads|upkeep]");
            System.exit(2);
        }
        String loadAtStart = BillingBenchmark.loadAverage();
        System.setProperty("SYNCLEDGER_PORT", "0");
        NewApiKey key = NewApiKey.generate(Role.READ);
        Path home = Files.createTempDirectory("syncledger-bench-scale");
        try (Sandbox sandbox = Sandbox.start()) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.put("SYNCLEDGER_HOME", home.toString());
            settings.put("SYNCLEDGER_API_KEYS", key.entry());
            Env env = Env.of(settings);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncLedgerApplication.class)
                    .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("syncledger.sync.schedule.enabled=false")
                    .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run()) {
                ScaleLedgerData data = new ScaleLedgerData(stores, days);
                LedgerScaleBenchmark bench = new LedgerScaleBenchmark(data, app.getBean(DataSource.class));
                System.out.printf(Locale.ROOT, "ledger scale benchmark: %,d stores x %d platforms x %,d days = %,d "
                        + "account-days; %d cores, Java %s, %s; load average at start %s%n", stores,
                        ScaleLedgerData.PLATFORMS.length, days, data.accountDays(),
                        Runtime.getRuntime().availableProcessors(), Runtime.version(),
                        bench.jdbc.queryForObject("select version()", String.class).replaceFirst(" on .*", ""),
                        loadAtStart);
                bench.load(app.getBean(SpendSummary.class));
                if (!parts.equals("reads")) {
                    bench.upkeep(app.getBean(SpendSummary.class), app.getBean(SpendWriter.class));
                }
                if (!parts.equals("upkeep")) {
                    String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                    bench.reads(base, key.key(), requests, warmUp);
                    bench.plans();
                }
            }
        } finally {
            BillingBenchmark.deleteRecursively(home);
        }
        System.out.println("load average at end " + BillingBenchmark.loadAverage());
    }

    private void load(SpendSummary summary) throws Exception {
        long start = System.nanoTime();
        data.load(dataSource);
        long copied = System.nanoTime();
        summary.rebuild();
        long built = System.nanoTime();
        jdbc.execute("vacuum analyze");
        jdbc.execute("checkpoint");
        System.out.printf(Locale.ROOT, "loaded in %.1f s (COPY and foreign keys %.1f s, summary built %.1f s, "
                        + "vacuum analyze %.1f s): %,d account-days, %,d sync runs, %,d summary rows; database %s%n",
                secs(System.nanoTime() - start), secs(copied - start), secs(built - copied),
                secs(System.nanoTime() - built), ScaleLedgerData.count(dataSource, "select count(*) from spend_day"),
                ScaleLedgerData.count(dataSource, "select count(*) from sync_run"),
                ScaleLedgerData.count(dataSource, "select count(*) from account_month_spend"),
                jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
    }

    private void upkeep(SpendSummary summary, SpendWriter writer) throws Exception {
        System.out.println();
        System.out.println("## Summary upkeep against a whole refresh");
        long start = System.nanoTime();
        jdbc.execute("""
                create materialized view full_refresh_summary as
                select latest.store_id, latest.platform, date_trunc('month', latest.day)::date as month, latest.currency,
                       sum(latest.amount_micros) as spend_micros, count(*) as days,
                       max(latest.fetched_at) as last_fetched_at
                from (select distinct on (a.store_id, a.platform, a.external_id, d.day)
                             a.store_id, a.platform, d.day, d.currency, d.amount_micros, d.fetched_at
                      from spend_day d
                               join ad_account a on a.id = d.ad_account_id
                      order by a.store_id, a.platform, a.external_id, d.day, a.id desc) latest
                group by latest.store_id, latest.platform, date_trunc('month', latest.day), latest.currency""");
        jdbc.execute("create unique index on full_refresh_summary (store_id, platform, month, currency)");
        long created = System.nanoTime() - start;
        long[] refreshes = new long[3];
        for (int i = 0; i < refreshes.length; i++) {
            long t = System.nanoTime();
            jdbc.execute("refresh materialized view concurrently full_refresh_summary");
            refreshes[i] = System.nanoTime() - t;
        }
        long differences = ScaleLedgerData.count(dataSource, """
                select count(*) from ((table full_refresh_summary except select * from platform_spend_summary)
                    union all (select * from platform_spend_summary except table full_refresh_summary)) x""");
        if (differences != 0) {
            throw new IllegalStateException("the kept summary differs from a full recomputation in " + differences + " rows");
        }
        jdbc.execute("drop materialized view full_refresh_summary");
        Arrays.sort(refreshes);
        System.out.printf(Locale.ROOT, "old: view created in %.2f s; refresh concurrently %.2f s (median of 3; "
                + "%.2f to %.2f s)%n", secs(created), secs(refreshes[1]), secs(refreshes[0]), secs(refreshes[2]));

        // What a sync touches per account: the months of its last 30 days.
        List<YearMonth> window = List.of(YearMonth.from(data.last.minusDays(29)), YearMonth.from(data.last)).stream()
                .distinct().toList();
        int samples = 300;
        long[] nanos = new long[samples];
        long accounts = (long) data.stores * ScaleLedgerData.PLATFORMS.length;
        // Inside a transaction rolled back afterwards: the upkeep runs inside the write's transaction, so its
        // cost is its statements, not a commit of its own.
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int i = 0; i < samples; i++) {
            long account = 1 + random.nextLong(accounts);
            int sample = i;
            transaction.executeWithoutResult(tx -> {
                long t = System.nanoTime();
                summary.recompute(account, window);
                nanos[sample] = System.nanoTime() - t;
                tx.setRollbackOnly();
            });
        }
        double mean = Arrays.stream(nanos).average().orElseThrow();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "new: one account's %d months computed again (statements, no commit), %d random "
                        + "accounts: p50 %.2f ms, p99 %.2f ms, mean %.2f ms; so a store's 9 accounts %.1f ms, "
                        + "every account of every store %.1f s%n", window.size(), samples, ms(percentile(nanos, 50)),
                ms(percentile(nanos, 99)), ms((long) mean), 9 * mean / 1e6, accounts * mean / 1e9);

        int store = 1 + random.nextInt(data.stores);
        DateRange range = DateRange.of(data.last.minusDays(29), data.last);
        Instant fetchedAt = Instant.now();
        long t = System.nanoTime();
        int restated = 0;
        for (Platform p : ScaleLedgerData.PLATFORMS) {
            long account = ScaleLedgerData.accountId(store, p);
            List<DailySpend> days = range.dates().map(day -> new DailySpend(day, Money.ofMicros(
                    ScaleLedgerData.micros(account, day.toEpochDay()) + 10_000, ScaleLedgerData.currency(account))))
                    .toList();
            restated += writer.write(account, null, new SpendReport(range, days, List.of("bench")), fetchedAt).restatedDays();
        }
        long sync = System.nanoTime() - t;
        System.out.printf(Locale.ROOT, "new: one store's sync of its last 30 days, every day restated (%d), through "
                + "SpendWriter with the upkeep in each write: %.1f ms in all%n", restated, ms(sync));
        System.out.println();
        System.out.println("### Plan of the upkeep statement, one account's " + window.size() + " months");
        System.out.println();
        long planned = 1 + random.nextLong(accounts);
        transaction.executeWithoutResult(tx -> {
            jdbc.execute((java.sql.Connection c) -> {
                try (var s = c.prepareStatement("explain (analyze, buffers) " + SpendSummary.upkeepStatement())) {
                    s.setArray(1, c.createArrayOf("bigint", new Long[] {planned}));
                    s.setArray(2, c.createArrayOf("date", window.stream().map(m -> java.sql.Date.valueOf(m.atDay(1))).toArray()));
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
                return null;
            });
            tx.setRollbackOnly();
        });
        System.out.println();
        long after = ScaleLedgerData.count(dataSource, """
                select count(*) from account_month_spend s
                where s.ad_account_id between %d and %d and s.last_fetched_at >= now() - interval '1 hour'"""
                .formatted(ScaleLedgerData.accountId(store, Platform.values()[0]),
                        ScaleLedgerData.accountId(store, Platform.values()[8])));
        System.out.printf(Locale.ROOT, "checked: the kept summary equals the view's full recomputation in every row; "
                + "the sync updated %d account-months%n", after);
        System.out.printf(Locale.ROOT, "| %,d | %.2f s | %.2f ms | %.1f ms | %.1f ms |%n", data.accountDays(),
                secs(refreshes[1]), ms(percentile(nanos, 50)), 9 * mean / 1e6, ms(sync));
    }

    private void reads(String base, String key, int requests, int warmUp) throws Exception {
        System.out.println();
        System.out.println("## Reads (request to last byte on loopback, a random store each time)");
        HttpClient client = HttpClient.newHttpClient();
        LocalDate last = data.last;
        YearMonth month = YearMonth.from(last);
        Map<String, IntFunction<String>> paths = new java.util.LinkedHashMap<>();
        paths.put("spend, 30 days", s -> "/stores/" + s + "/spend?from=" + last.minusDays(29) + "&to=" + last);
        paths.put("spend, 365 days", s -> "/stores/" + s + "/spend?from=" + last.minusDays(364) + "&to=" + last);
        paths.put("summary, 12 months", s -> "/stores/" + s + "/spend/summary?from=" + month.minusMonths(11) + "&to=" + month);
        System.out.println("| request | p50 | p99 | max | answer | JVM CPU per request (service and client) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (var path : paths.entrySet()) {
            for (int i = 0; i < warmUp; i++) {
                get(client, base, key, path.getValue().apply(1 + random.nextInt(data.stores)));
            }
            long[] nanos = new long[requests];
            long bytes = 0;
            long cpu = os.getProcessCpuTime();
            for (int i = 0; i < requests; i++) {
                String uri = path.getValue().apply(1 + random.nextInt(data.stores));
                long t = System.nanoTime();
                bytes += get(client, base, key, uri);
                nanos[i] = System.nanoTime() - t;
            }
            cpu = os.getProcessCpuTime() - cpu;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %,d bytes | %.2f ms |%n", path.getKey(),
                    ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), ms(nanos[requests - 1]), bytes / requests,
                    ms(cpu / requests));
        }
    }

    private static int get(HttpClient client, String base, String key, String path) throws Exception {
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + new String(answer.body()));
        }
        return answer.body().length;
    }

    /** The queries of the two endpoints, as the service sends them, for one store in the middle. */
    private void plans() {
        int store = (data.stores + 1) / 2;
        long account = ScaleLedgerData.accountId(store, Platform.META);
        LocalDate last = data.last;
        YearMonth month = YearMonth.from(last);
        List<Object[]> queries = new ArrayList<>();
        queries.add(new Object[] {"linked accounts (AdAccounts.linked)", "select id, store_id, platform, external_id, "
                + "currency, time_zone, name, linked_at from ad_account where store_id = ? and unlinked_at is null "
                + "order by id", store});
        queries.add(new Object[] {"each account's newest finished run (SyncRuns.lastFailures)", """
                select a.id as ad_account_id, r.status, r.error_kind, r.error_message
                from ad_account a
                         cross join lateral (select status, error_kind, error_message from sync_run r
                                             where r.ad_account_id = a.id and r.status <> 'running'
                                             order by r.id desc limit 1) r
                where a.store_id = ? and a.unlinked_at is null""", store});
        queries.add(new Object[] {"one account's days, 30 days (SpendQueries)", "select ad_account_id, day, amount_micros, "
                + "currency, fetched_at from spend_day where ad_account_id = any(?) and day between ? and ? "
                + "order by ad_account_id, day", new Long[] {account}, last.minusDays(29), last});
        queries.add(new Object[] {"the store's days, 365 days (SpendQueries)", "select ad_account_id, day, amount_micros, "
                + "currency, fetched_at from spend_day where ad_account_id = any(?) and day between ? and ? "
                + "order by ad_account_id, day", storeAccounts(store), last.minusDays(364), last});
        queries.add(new Object[] {"the summary, 12 months (SpendSummary)", """
                select month, platform, currency, spend_micros, days, last_fetched_at
                from platform_spend_summary
                where store_id = ? and month between ? and ?""", store, month.minusMonths(11).atDay(1), month.atDay(1)});
        System.out.println();
        System.out.println("## Plans (store " + store + ")");
        for (Object[] q : queries) {
            System.out.println();
            System.out.println("### " + q[0]);
            System.out.println();
            Object[] params = Arrays.copyOfRange(q, 2, q.length);
            jdbc.execute((java.sql.Connection c) -> {
                try (var s = c.prepareStatement("explain (analyze, buffers) " + q[1])) {
                    for (int i = 0; i < params.length; i++) {
                        if (params[i] instanceof Long[] ids) {
                            s.setArray(i + 1, c.createArrayOf("bigint", ids));
                        } else {
                            s.setObject(i + 1, params[i]);
                        }
                    }
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
    }

    private static Long[] storeAccounts(int store) {
        return Arrays.stream(ScaleLedgerData.PLATFORMS).map(p -> ScaleLedgerData.accountId(store, p)).toArray(Long[]::new);
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }
}
