package com.syncledger.bench;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's store page for one store with an account on each of the nine platforms and every day of the
 * last {@code years} years stored (loaded with {@code COPY}, as {@link AgencyData} does), plus a sync run per
 * account per month. The service runs on a loopback port with an embedded PostgreSQL; an HTTP client signs in
 * to the console with a read key and loads {@code /console/stores/1} (the default three months) and
 * {@code ?months=36} (the longest range the page offers), {@code warmUp} times each unmeasured, then
 * {@code loads} times each, and prints p50, p99 and max of the time from request to the page's last byte.
 */
public final class StorePageBenchmark {

    private static final Platform[] PLATFORMS = Platform.values();

    public static void main(String[] args) throws Exception {
        int years = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (years < 1 || years > 3 || loads < 1 || warmUp < 0) {
            System.err.println("usage: StorePageBenchmark [years=3 (1 to 3)] [loads=50] [warm-up loads=20]");
            System.exit(2);
        }
        String loadAtStart = BillingBenchmark.loadAverage();
        System.setProperty("SYNCLEDGER_PORT", "0"); // application.properties reads the port from it; any free one
        NewApiKey key = NewApiKey.generate(Role.READ);
        Path home = Files.createTempDirectory("syncledger-bench-store-page");
        try (Sandbox sandbox = Sandbox.start()) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.put("SYNCLEDGER_HOME", home.toString());
            settings.put("SYNCLEDGER_API_KEYS", key.entry());
            Env env = Env.of(settings);
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SyncLedgerApplication.class)
                    .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("syncledger.sync.schedule.enabled=false")
                    .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run()) {
                int days = load(app.getBean(DataSource.class), years);
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                System.out.printf(Locale.ROOT, "store page benchmark: 1 store x %d platforms x %d days (%d years); "
                        + "%d loads after %d warm-up loads; %d cores, Java %s; load average at start %s%n",
                        PLATFORMS.length, days, years, loads, warmUp, Runtime.getRuntime().availableProcessors(),
                        Runtime.version(), loadAtStart);
                HttpClient client = signedIn(base, key.key());
                for (String page : new String[] {"/console/stores/1", "/console/stores/1?months=36"}) {
                    measure(client, base + page, warmUp, loads);
                }
            }
        } finally {
            BillingBenchmark.deleteRecursively(home);
        }
        System.out.println("load average at end " + BillingBenchmark.loadAverage());
    }

    /** Store 1 in UTC, nine accounts, every day through yesterday; the number of days per account. */
    private static int load(DataSource dataSource, int years) throws Exception {
        LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = last.minusYears(years).plusDays(1);
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        Instant fetchedAt = Instant.now().minusSeconds(3600);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into store (id, name, time_zone, billing_currency) overriding system value "
                + "values (1, 'Bench store', 'UTC', 'USD')");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (AgencyData.Rows rows = new AgencyData.Rows(pg, "ad_account (id, store_id, platform, external_id, "
                    + "currency, time_zone, name, linked_at, backfilled_at)")) {
                for (Platform p : PLATFORMS) {
                    long account = p.ordinal() + 1;
                    rows.row(account, 1, p.slug(), AgencyData.externalId(1, p, account), p.ordinal() == 4 ? "EUR" : "USD",
                            "UTC", p.displayName() + " bench", first.minusDays(1) + " 00:00:00+00", fetchedAt);
                }
            }
        }
        // A succeeded sync run per account per month, the last one of one platform failed (a stale account).
        jdbc.update("""
                insert into sync_run (ad_account_id, range_from, range_to, status, started_at, finished_at, days_new,
                    error_kind, error_message)
                select a.id, m::date, least((m + interval '1 month' - interval '1 day')::date, ?::date),
                    case when a.id = 3 and m = date_trunc('month', ?::date) then 'failed' else 'succeeded' end,
                    m + interval '1 month', m + interval '1 month' + interval '2 minutes', 28,
                    case when a.id = 3 and m = date_trunc('month', ?::date) then 'auth' end,
                    case when a.id = 3 and m = date_trunc('month', ?::date) then 'the token was revoked' end
                from ad_account a, generate_series(date_trunc('month', ?::date), ?::date, interval '1 month') m
                order by m, a.id""", last, last, last, last, first, last);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (AgencyData.Rows versions = new AgencyData.Rows(pg, "spend_version (id, ad_account_id, day, version, "
                    + "amount_micros, currency, fetched_at, sync_run_id, platform_request_id)")) {
                forEachDay(first, days, (account, currency, day, id, micros) -> versions.row(id, account, day, 1, micros,
                        currency, fetchedAt, null, "bench"));
            }
            try (AgencyData.Rows current = new AgencyData.Rows(pg, "spend_day (ad_account_id, day, current_version_id, "
                    + "amount_micros, currency, fetched_at)")) {
                forEachDay(first, days, (account, currency, day, id, micros) -> current.row(account, day, id, micros,
                        currency, fetchedAt));
            }
        }
        for (String table : new String[] {"store", "ad_account", "sync_run", "spend_version"}) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
        }
        jdbc.execute("analyze");
        return days;
    }

    private interface Day {
        void accept(long account, String currency, LocalDate day, long id, long micros) throws Exception;
    }

    /** Every account-day but a gap of five days in one account (missing days for the calendar to show). */
    private static void forEachDay(LocalDate first, int days, Day consumer) throws Exception {
        for (Platform p : PLATFORMS) {
            long account = p.ordinal() + 1;
            for (int d = 0; d < days; d++) {
                if (account == 2 && d >= days - 20 && d < days - 15) {
                    continue;
                }
                long micros = (20 + (account * 7919 + d * 104_729L) % 500) * 1_000_000L + (d % 100) * 10_000L;
                consumer.accept(account, p.ordinal() == 4 ? "EUR" : "USD", first.plusDays(d), (account - 1) * days + d + 1,
                        micros);
            }
        }
    }

    /** A client holding the console's session cookie after signing in with {@code key}. */
    private static HttpClient signedIn(String base, String key) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> overview = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (overview.statusCode() != 200 || !overview.body().contains("Bench store")) {
            throw new IllegalStateException("signing in to the console failed: " + reply.statusCode() + " then "
                    + overview.statusCode());
        }
        return client;
    }

    private static void measure(HttpClient client, String url, int warmUp, int loads) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        int bytes = 0;
        for (int i = 0; i < warmUp; i++) {
            get(client, request);
        }
        long[] nanos = new long[loads];
        for (int i = 0; i < loads; i++) {
            long start = System.nanoTime();
            bytes = get(client, request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-32s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%,d bytes of HTML)%n",
                url.substring(url.indexOf("/console")), ms(percentile(nanos, 50)), ms(percentile(nanos, 99)),
                ms(nanos[nanos.length - 1]), bytes);
    }

    private static int get(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> page = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("Bench store")) {
            throw new IllegalStateException(request.uri() + " answered " + page.statusCode());
        }
        return page.body().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
