package com.syncledger.bench;

import com.syncledger.app.database.EmbeddedPostgresServer;
import com.syncledger.app.database.SchemaMigrations;
import com.syncledger.app.ledger.FetchedChunk;
import com.syncledger.app.ledger.PendingChunks;
import com.syncledger.app.ledger.SpendWriter;
import com.syncledger.app.ledger.WriteCounts;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.SpendReport;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persists account-days through the sync's write path ({@link SpendWriter}: a transaction per year of days,
 * advisory lock per account, compare-append-upsert) and, in the same run on the same database, loads
 * the same rows with a bare PostgreSQL {@code COPY}; prints both rates, their ratio and the CPU each used.
 *
 * <p>Passes, each timed on its own, on an embedded PostgreSQL in a temporary directory:
 * <ol>
 *   <li>write path, first sync: every account-day is new (one {@code spend_version} and one
 *       {@code spend_day} row each);</li>
 *   <li>write path, the same data again: every account-day unchanged, nothing written (the cost of an
 *       idempotent re-sync);</li>
 *   <li>write path with about {@code restatePercent}% of the values changed (restatements: a new
 *       version each), skipped when 0;</li>
 *   <li>{@code COPY} of the first pass's rows into the emptied {@code spend_version} and {@code spend_day},
 *       with their indexes and constraints in place and the same values (ids assigned by the client), on
 *       one connection; then again with {@code copyStreams} connections in parallel, when more than 1.</li>
 * </ol>
 * As the sync does it, every account runs on its own virtual thread, writing its range oldest chunk first, a
 * transaction per year of days ({@code -Dledger.write.perChunk=true}: per chunk, as syncs wrote before), through a pool of {@code poolSize} connections (the service's pool has 10).
 * Each pass checks what it wrote: the counts {@code SpendWriter} returned, the rows and the sums in the tables.
 *
 * <p>Arguments (all optional): {@code accounts days chunkDays restatePercent poolSize copyStreams},
 * defaulting to {@code 1000 1000 30 10 10 <cores>}.
 */
public final class LedgerWriteBenchmark {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final boolean PER_CHUNK = Boolean.getBoolean("ledger.write.perChunk");

    private final int accounts;
    private final int days;
    private final int chunkDays;
    private final int restatePercent;
    private final HikariDataSource dataSource;
    private final Path dataDirectory;
    private final SpendWriter writer;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private long[] accountIds;

    private LedgerWriteBenchmark(int accounts, int days, int chunkDays, int restatePercent,
            HikariDataSource dataSource, Path dataDirectory) {
        this.accounts = accounts;
        this.days = days;
        this.chunkDays = chunkDays;
        this.restatePercent = restatePercent;
        this.dataSource = dataSource;
        this.dataDirectory = dataDirectory;
        this.jdbc = new JdbcTemplate(dataSource);
        this.writer = new SpendWriter(new JdbcTemplate(dataSource));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public static void main(String[] args) throws Exception {
        int accounts = intArg(args, 0, 1000);
        int days = intArg(args, 1, 1000);
        int chunkDays = intArg(args, 2, 30);
        int restatePercent = intArg(args, 3, 10);
        int poolSize = intArg(args, 4, 10);
        int copyStreams = intArg(args, 5, Runtime.getRuntime().availableProcessors());
        // durable (as the service runs) or fast (the library's fsync=off), to measure what durability costs.
        EmbeddedPostgresServer.Durability durability = args.length > 6
                ? EmbeddedPostgresServer.Durability.valueOf(args[6].toUpperCase(java.util.Locale.ROOT))
                : EmbeddedPostgresServer.Durability.DURABLE;
        if (accounts < 1 || days < 1 || chunkDays < 1 || restatePercent < 0 || restatePercent > 100 || poolSize < 1
                || copyStreams < 1 || copyStreams > poolSize) {
            System.err.println("usage: LedgerWriteBenchmark [accounts=1000] [days=1000] [chunkDays=30] "
                    + "[restatePercent=10] [poolSize=10] [copyStreams=cores, at most poolSize] [durable|fast]");
            System.exit(2);
        }

        Path temp = Files.createTempDirectory("syncledger-bench-pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("pgdata"), durability, 0)) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(poolSize);
            // As many waiters as accounts: a waiter may queue far longer than the service's 5 s.
            config.setConnectionTimeout(600_000);
            config.setPoolName("bench");
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                // Flyway holds two connections at once: migrate outside the pool, which may be smaller.
                new SchemaMigrations(server.dataSource()).migrate();
                new LedgerWriteBenchmark(accounts, days, chunkDays, restatePercent, dataSource, server.dataDirectory())
                        .run(poolSize, copyStreams);
            }
        } finally {
            deleteRecursively(temp);
        }
    }

    private void run(int poolSize, int copyStreams) throws Exception {
        long accountDays = (long) accounts * days;
        createAccounts();
        List<List<SpendReport>> original = reports(0);
        System.out.printf(Locale.ROOT, "ledger write benchmark: %,d accounts x %,d days = %,d account-days, "
                        + "chunks of %d days written %s (%,d transactions per pass), pool of %d connections%n",
                accounts, days, accountDays, chunkDays, PER_CHUNK ? "one per transaction" : "as the sync groups them",
                (long) accounts * writes(original.getFirst(), Instant.now()).size(), poolSize);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                jdbc.queryForObject("select version()", String.class), loadAverage());
        System.out.println("postgres settings: " + String.join(", ", jdbc.queryForList("""
                select name || '=' || setting || coalesce(unit, '') from pg_settings
                where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_wal_size',
                               'full_page_writes', 'work_mem', 'jit')
                order by name""", String.class)));

        Pass first = writePass("write path, first sync (all new)", original);
        long expectedSum = expectedSum(0);
        check(first.counts.equals(new WriteCounts((int) accountDays, 0, 0)), "first pass counts " + first.counts);
        checkTables(accountDays, accountDays, expectedSum);

        Pass again = writePass("write path, re-sync (all unchanged)", original);
        check(again.counts.equals(new WriteCounts(0, 0, (int) accountDays)), "re-sync counts " + again.counts);
        checkTables(accountDays, accountDays, expectedSum);

        Pass restated = null;
        if (restatePercent > 0) {
            long changed = restatedDays();
            restated = writePass("write path, re-sync with ~" + restatePercent + "% restated", reports(1));
            check(restated.counts.equals(new WriteCounts(0, (int) changed, (int) (accountDays - changed))),
                    "restated pass counts " + restated.counts + ", expected " + changed + " restated");
            checkTables(accountDays + changed, accountDays, expectedSum(1));
        }

        Pass copy = copyPass(original, 1);
        checkTables(accountDays, accountDays, expectedSum);
        Pass parallelCopy = null;
        if (copyStreams > 1) {
            parallelCopy = copyPass(original, copyStreams);
            checkTables(accountDays, accountDays, expectedSum);
        }
        Pass noForeignKeysCopy = referenceCopyPass(original, "including all", "without foreign keys");
        Pass bareCopy = referenceCopyPass(original, "", "without keys, indexes or checks");

        System.out.println();
        System.out.println("summary (an account-day is one spend_version and one spend_day row; CPU per account-day):");
        for (Pass pass : Stream.of(first, again, restated, copy, parallelCopy, noForeignKeysCopy, bareCopy).filter(p -> p != null).toList()) {
            System.out.println("  " + pass.line(accountDays));
        }
        System.out.printf(Locale.ROOT, "  rate, write path first sync / COPY (1 stream): %.2f (COPY %.2fx the write path)%n",
                first.rate(accountDays) / copy.rate(accountDays), copy.rate(accountDays) / first.rate(accountDays));
        if (parallelCopy != null) {
            System.out.printf(Locale.ROOT, "  rate, write path first sync / COPY (%d streams): %.2f (COPY %.2fx the write path)%n",
                    copyStreams, first.rate(accountDays) / parallelCopy.rate(accountDays),
                    parallelCopy.rate(accountDays) / first.rate(accountDays));
        }
        System.out.printf(Locale.ROOT, "  CPU per account-day, write path first sync / COPY (1 stream): %.2f "
                        + "(PostgreSQL alone %.2f)%n", first.cpu() / copy.cpu(), first.postgresCpu / copy.postgresCpu);
        System.out.printf(Locale.ROOT, "  rate, write path re-sync (unchanged) / COPY (1 stream): %.2f%n",
                again.rate(accountDays) / copy.rate(accountDays));
    }

    // --- data -------------------------------------------------------------------------------------------

    private void createAccounts() {
        int stores = Math.max(1, accounts / 100);
        for (int s = 0; s < stores; s++) {
            jdbc.update("insert into store (name, time_zone, billing_currency) values (?, 'Europe/Berlin', 'EUR')",
                    "bench store " + s);
        }
        List<Long> storeIds = jdbc.queryForList("select id from store order by id", Long.class);
        accountIds = new long[accounts];
        for (int a = 0; a < accounts; a++) {
            accountIds[a] = jdbc.queryForObject("""
                    insert into ad_account (store_id, platform, external_id, currency, time_zone)
                    values (?, 'meta', ?, ?, 'Europe/Berlin') returning id""", Long.class,
                    storeIds.get(a % storeIds.size()), String.valueOf(1_000_000_000L + a), currency(a));
        }
    }

    private static String currency(int account) {
        return CURRENCIES[account % CURRENCIES.length];
    }

    /** Deterministic spend of an account-day: about 5% zero days, the rest up to 5,000.00 with whole cents. */
    private static long baseMicros(int account, int day) {
        long h = mix(account * 1_000_003L + day);
        return (h >>> 1) % 20 == 0 ? 0 : ((h >>> 8) % 500_000) * 10_000;
    }

    /** Revision 0 is the original data; in revision 1 about {@code restatePercent}% of the days are a cent higher. */
    private long micros(int account, int day, int revision) {
        return baseMicros(account, day) + (restated(account, day, revision) ? 10_000 : 0);
    }

    private boolean restated(int account, int day, int revision) {
        return revision > 0 && Math.floorMod(mix(account * 7_919L + day * 104_729L + 17), 100) < restatePercent;
    }

    private long restatedDays() {
        long n = 0;
        for (int a = 0; a < accounts; a++) {
            for (int d = 0; d < days; d++) {
                n += restated(a, d, 1) ? 1 : 0;
            }
        }
        return n;
    }

    private long expectedSum(int revision) {
        long sum = 0;
        for (int a = 0; a < accounts; a++) {
            for (int d = 0; d < days; d++) {
                sum += micros(a, d, revision);
            }
        }
        return sum;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Per account, its range split into chunks oldest first, as the fetch engine hands them to the writer. */
    private List<List<SpendReport>> reports(int revision) {
        DateRange whole = DateRange.of(FIRST_DAY, FIRST_DAY.plusDays(days - 1L));
        List<DateRange> chunks = whole.split(chunkDays);
        List<List<SpendReport>> all = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            List<SpendReport> reports = new ArrayList<>(chunks.size());
            for (int c = 0; c < chunks.size(); c++) {
                DateRange chunk = chunks.get(c);
                int offset = c * chunkDays;
                List<DailySpend> daily = new ArrayList<>(chunk.days());
                for (int d = 0; d < chunk.days(); d++) {
                    daily.add(new DailySpend(chunk.from().plusDays(d),
                            Money.ofMicros(micros(a, offset + d, revision), currency(a))));
                }
                reports.add(new SpendReport(chunk, daily, List.of("req-" + a + "-" + c + "-" + revision)));
            }
            all.add(reports);
        }
        return all;
    }

    /**
     * An account's chunks grouped into writes as the sync groups them ({@link PendingChunks}: a year of days per
     * transaction), or one chunk per transaction with {@code -Dledger.write.perChunk=true}, as syncs wrote before.
     * Each chunk is fetched a millisecond after the one before.
     */
    private static List<List<FetchedChunk>> writes(List<SpendReport> chunks, Instant fetchedAt) {
        List<List<FetchedChunk>> writes = new ArrayList<>();
        PendingChunks pending = new PendingChunks();
        for (int c = 0; c < chunks.size(); c++) {
            if (pending.add(new FetchedChunk(chunks.get(c), fetchedAt.plusMillis(c))) || PER_CHUNK) {
                writes.add(pending.take());
            }
        }
        if (pending.days() > 0) {
            writes.add(pending.take());
        }
        return writes;
    }

    // --- passes -----------------------------------------------------------------------------------------

    private record Pass(String name, double seconds, WriteCounts counts, double jvmCpu, double postgresCpu,
            long[] chunkNanos) {

        double rate(long accountDays) {
            return accountDays / seconds;
        }

        double cpu() {
            return jvmCpu + postgresCpu;
        }

        String line(long accountDays) {
            String latency = chunkNanos == null ? "" : String.format(Locale.ROOT,
                    "; write transactions p50 %.1f ms, p99 %.1f ms", percentile(0.50), percentile(0.99));
            String postgres = Double.isNaN(postgresCpu) ? "PostgreSQL n/a"
                    : String.format(Locale.ROOT, "PostgreSQL %.1f s = %.1f us", postgresCpu, postgresCpu * 1e6 / accountDays);
            return String.format(Locale.ROOT, "%-52s %9s account-days/s  (%.1f s; CPU: JVM %.1f s = %.1f us, %s%s)",
                    name + ":", String.format(Locale.ROOT, "%,.0f", rate(accountDays)), seconds, jvmCpu,
                    jvmCpu * 1e6 / accountDays, postgres, latency);
        }

        private double percentile(double p) {
            return chunkNanos[(int) Math.min(chunkNanos.length - 1, Math.floor(p * chunkNanos.length))] / 1e6;
        }
    }

    private Pass writePass(String name, List<List<SpendReport>> reports) throws Exception {
        settle();
        Instant fetchedAt = Instant.now();
        List<List<List<FetchedChunk>>> writes = reports.stream().map(chunks -> writes(chunks, fetchedAt)).toList();
        int writesPerAccount = writes.getFirst().size();
        long[] chunkNanos = new long[accounts * writesPerAccount];
        AtomicLong newDays = new AtomicLong();
        AtomicLong restatedDays = new AtomicLong();
        AtomicLong unchangedDays = new AtomicLong();
        Cpu before = Cpu.now(dataDirectory);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(accounts);
            for (int a = 0; a < accounts; a++) {
                int account = a;
                futures.add(threads.submit(() -> {
                    long accountId = accountIds[account];
                    List<List<FetchedChunk>> accountWrites = writes.get(account);
                    for (int w = 0; w < accountWrites.size(); w++) {
                        List<FetchedChunk> chunks = accountWrites.get(w);
                        long[] began = new long[1];
                        WriteCounts counts = transactions.execute(tx -> {
                            began[0] = System.nanoTime(); // holding a connection, transaction begun
                            return writer.write(accountId, null, chunks);
                        });
                        chunkNanos[account * writesPerAccount + w] = System.nanoTime() - began[0];
                        newDays.addAndGet(counts.newDays());
                        restatedDays.addAndGet(counts.restatedDays());
                        unchangedDays.addAndGet(counts.unchangedDays());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed", e.getCause());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu after = Cpu.now(dataDirectory);
        Arrays.sort(chunkNanos);
        Pass pass = new Pass(name, seconds, new WriteCounts((int) newDays.get(), (int) restatedDays.get(),
                (int) unchangedDays.get()), after.jvm - before.jvm, after.postgres - before.postgres, chunkNanos);
        System.out.println(pass.line((long) accounts * days));
        return pass;
    }

    /**
     * The first pass's rows, loaded with COPY into the emptied tables: {@code streams} connections, each
     * copying the versions and then the current days of its share of the accounts. Version ids are
     * assigned here, in account and day order, as the first pass assigned them.
     */
    private Pass copyPass(List<List<SpendReport>> reports, int streams) throws Exception {
        // Emptied in its own, committed transaction: a COPY into a table truncated in the same
        // transaction may skip WAL, which the write path never does.
        jdbc.execute("truncate baseline_spend_version, statement_spend_version, spend_day, spend_version restart identity"); // the first is empty
        settle();
        String fetchedAt = Instant.now().toString();
        Cpu before = Cpu.now(dataDirectory);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(streams)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                int from = (int) ((long) accounts * s / streams);
                int to = (int) ((long) accounts * (s + 1) / streams);
                futures.add(threads.submit(() -> {
                    copy(reports, from, to, fetchedAt, "spend_version", "spend_day");
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("COPY failed", e.getCause());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu after = Cpu.now(dataDirectory);
        jdbc.execute("select setval(pg_get_serial_sequence('spend_version', 'id'), (select max(id) from spend_version))");
        Pass pass = new Pass("COPY, " + streams + (streams == 1 ? " stream" : " streams") + " (both tables)", seconds,
                null, after.jvm - before.jvm, after.postgres - before.postgres, null);
        System.out.println(pass.line((long) accounts * days));
        return pass;
    }

    /**
     * For reference, where COPY's own time goes: the same COPY, one stream, into copies of the two tables
     * made with {@code create table ... (like <table> <like>)}: {@code including all} keeps the columns,
     * primary keys, unique indexes and checks but no foreign keys; nothing keeps only the columns. Not
     * comparable with the write path, which has to maintain everything.
     */
    private Pass referenceCopyPass(List<List<SpendReport>> reports, String like, String what) {
        jdbc.execute("create table bench_copy_version (like spend_version " + like + ")");
        jdbc.execute("create table bench_copy_day (like spend_day " + like + ")");
        try {
            jdbc.execute("checkpoint");
            Cpu before = Cpu.now(dataDirectory);
            long start = System.nanoTime();
            copy(reports, 0, accounts, Instant.now().toString(), "bench_copy_version", "bench_copy_day");
            double seconds = (System.nanoTime() - start) / 1e9;
            Cpu after = Cpu.now(dataDirectory);
            long rows = jdbc.queryForObject(
                    "select (select count(*) from bench_copy_version) + (select count(*) from bench_copy_day)", Long.class);
            check(rows == 2L * accounts * days, "reference COPY wrote " + rows + " rows");
            Pass pass = new Pass("(COPY, 1 stream, " + what + ")", seconds, null,
                    after.jvm - before.jvm, after.postgres - before.postgres, null);
            System.out.println(pass.line((long) accounts * days));
            return pass;
        } catch (SQLException e) {
            throw new IllegalStateException("reference COPY failed", e);
        } finally {
            jdbc.execute("drop table bench_copy_day, bench_copy_version");
        }
    }

    /** COPY of accounts [from, to): their versions, then (once those are committed) their current days. */
    private void copy(List<List<SpendReport>> reports, int from, int to, String fetchedAt, String versionTable,
            String dayTable) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            CopyIn versions = pg.getCopyAPI().copyIn("copy " + versionTable + """
                     (id, ad_account_id, day, version, amount_micros, currency, fetched_at, sync_run_id,
                     platform_request_id) from stdin""");
            Buffer out = new Buffer(versions);
            for (int a = from; a < to; a++) {
                long id = (long) a * days;
                for (SpendReport chunk : reports.get(a)) {
                    String requestIds = String.join(",", chunk.requestIds());
                    for (DailySpend day : chunk.days()) {
                        out.append(++id).tab().append(accountIds[a]).tab().append(day.date().toString()).tab()
                                .append(1).tab().append(day.spend().micros()).tab().append(day.spend().currency())
                                .tab().append(fetchedAt).tab().append("\\N").tab().append(requestIds).newline();
                    }
                }
            }
            out.flush();
            versions.endCopy();

            CopyIn current = pg.getCopyAPI().copyIn("copy " + dayTable + """
                     (ad_account_id, day, current_version_id, amount_micros, currency, fetched_at) from stdin""");
            out = new Buffer(current);
            for (int a = from; a < to; a++) {
                long id = (long) a * days;
                for (SpendReport chunk : reports.get(a)) {
                    for (DailySpend day : chunk.days()) {
                        out.append(accountIds[a]).tab().append(day.date().toString()).tab().append(++id).tab()
                                .append(day.spend().micros()).tab().append(day.spend().currency()).tab()
                                .append(fetchedAt).newline();
                    }
                }
            }
            out.flush();
            current.endCopy();
        }
    }

    /**
     * Starts a pass with dirty pages written out and, when the spend tables hold data, statistics current.
     * Empty tables are left unanalysed, as in a new installation: once analysed empty, PostgreSQL plans
     * the per-row foreign key check of spend_day.current_version_id as a sequential scan of spend_version
     * and keeps that plan in each connection until the next analyse, which makes a first sync quadratic.
     */
    private void settle() {
        if (jdbc.queryForObject("select exists (select 1 from spend_version)", Boolean.class)) {
            jdbc.execute("vacuum analyze");
        }
        jdbc.execute("checkpoint");
    }

    private void checkTables(long versions, long current, long currentSum) {
        long v = jdbc.queryForObject("select count(*) from spend_version", Long.class);
        long d = jdbc.queryForObject("select count(*) from spend_day", Long.class);
        long sum = jdbc.queryForObject("select coalesce(sum(amount_micros), 0) from spend_day", Long.class);
        long pointers = jdbc.queryForObject("""
                select count(*) from spend_day d join spend_version v on v.id = d.current_version_id
                where v.ad_account_id = d.ad_account_id and v.day = d.day and v.amount_micros = d.amount_micros""",
                Long.class);
        check(v == versions && d == current && sum == currentSum && pointers == current,
                "tables hold " + v + " versions, " + d + " days (sum " + sum + ", " + pointers
                        + " consistent); expected " + versions + ", " + current + " (sum " + currentSum + ")");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + message);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** Text-format COPY rows, sent in blocks of about 64 KiB. */
    private static final class Buffer {
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(70_000);

        Buffer(CopyIn copy) {
            this.copy = copy;
        }

        Buffer append(String value) {
            text.append(value);
            return this;
        }

        Buffer append(long value) {
            text.append(value);
            return this;
        }

        Buffer tab() {
            text.append('\t');
            return this;
        }

        Buffer newline() throws SQLException {
            text.append('\n');
            if (text.length() >= 65_536) {
                flush();
            }
            return this;
        }

        void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** CPU seconds used so far by this JVM and by the PostgreSQL server (postmaster and its children; Linux only). */
    private record Cpu(double jvm, double postgres) {

        static Cpu now(Path dataDirectory) {
            double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            return new Cpu(jvm, postgresCpu(dataDirectory));
        }

        private static double postgresCpu(Path dataDirectory) {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
                double ticks = 0;
                try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        String[] stat = stat(process);
                        long pid = Long.parseLong(process.getFileName().toString());
                        if (stat != null && (pid == postmaster || Long.parseLong(stat[1]) == postmaster)) {
                            // utime and stime of the process (fields 14 and 15 of /proc/<pid>/stat) and, for the
                            // postmaster, cutime and cstime: its children that have exited (e.g. autovacuum workers).
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                            if (pid == postmaster) {
                                ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                            }
                        }
                    }
                }
                return ticks / 100.0; // USER_HZ
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... */
        private static String[] stat(Path process) {
            try {
                String line = Files.readString(process.resolve("stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        if (args.length <= index) {
            return fallback;
        }
        try {
            return Integer.parseInt(args[index].replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            System.err.println("not a number: " + args[index]);
            System.exit(2);
            return fallback;
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
