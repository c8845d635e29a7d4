package com.syncledger.bench;

import com.syncledger.connectors.spi.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agency's ledger, loaded straight into the tables with {@code COPY}: {@code stores} stores in UTC, each with
 * one account on each of the nine platforms (one account in four spends in EUR), every day of the last
 * {@code days} days through yesterday, and a succeeded sync run per account per week (the last one of one account
 * in fifty failed, so some accounts read as stale).
 *
 * <p>Rows go in day by day, every account's day before the next day, as daily syncs leave them: an account's
 * year is spread over the whole table, not packed together. The foreign keys of the two spend tables are
 * dropped for the load and added again after it (which checks every row), the summary is built from the loaded
 * days, and the tables are vacuumed and analysed.
 */
final class ScaleLedgerData {

    static final Platform[] PLATFORMS = Platform.values();

    final int stores;
    final int days;
    final LocalDate first;
    final LocalDate last;

    ScaleLedgerData(int stores, int days) {
        this.stores = stores;
        this.days = days;
        this.last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        this.first = last.minusDays(days - 1);
    }

    long accountDays() {
        return (long) stores * PLATFORMS.length * days;
    }

    static long accountId(int store, Platform platform) {
        return (long) (store - 1) * PLATFORMS.length + platform.ordinal() + 1;
    }

    static String currency(long account) {
        return account % 4 == 0 ? "EUR" : "USD";
    }

    /** 20.00 to 520.00 a day in whole cents; about 3% of the days nothing (a value, not a missing day). */
    static long micros(long account, long epochDay) {
        long h = mix(account * 1_000_003L + epochDay);
        return Math.floorMod(h, 33) == 0 ? 0 : (2_000 + Math.floorMod(h >>> 8, 50_000)) * 10_000L;
    }

    void load(DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (AgencyData.Rows rows = new AgencyData.Rows(pg, "store (id, name, time_zone, billing_currency)")) {
                for (int s = 1; s <= stores; s++) {
                    rows.row(s, "Scale store " + s, "UTC", "USD");
                }
            }
            try (AgencyData.Rows rows = new AgencyData.Rows(pg, "ad_account (id, store_id, platform, external_id, "
                    + "currency, time_zone, name, linked_at, backfilled_at)")) {
                for (int s = 1; s <= stores; s++) {
                    for (Platform p : PLATFORMS) {
                        long account = accountId(s, p);
                        rows.row(account, s, p.slug(), AgencyData.externalId(s, p, account), currency(account), "UTC",
                                p.displayName() + " " + s, first.minusDays(1) + " 00:00:00+00", first + " 02:00:00+00");
                    }
                }
            }
        }
        jdbc.update("""
                insert into sync_run (ad_account_id, range_from, range_to, status, started_at, finished_at, days_new,
                    error_kind, error_message)
                select a.id, w::date - 29, w::date, case when a.id % 50 = 0 and w::date > ?::date - 7 then 'failed'
                    else 'succeeded' end, w + interval '1 day 2 hours', w + interval '1 day 2 hours 1 minute', 1,
                    case when a.id % 50 = 0 and w::date > ?::date - 7 then 'platform' end,
                    case when a.id % 50 = 0 and w::date > ?::date - 7 then 'HTTP 503' end
                from generate_series(?::date + 29, ?::date, interval '7 days') w, ad_account a
                order by w, a.id""", last, last, last, first, last);
        List<String[]> foreignKeys = jdbc.query("""
                select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                where contype = 'f' and conrelid in ('spend_day'::regclass, 'spend_version'::regclass)""",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        for (String[] fk : foreignKeys) {
            jdbc.execute("alter table " + fk[0] + " drop constraint " + fk[1]);
        }
        ExecutorService copies = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(copies.submit(() -> copy(dataSource, "spend_version (id, ad_account_id, day, version, amount_micros, "
                    + "currency, fetched_at, sync_run_id, platform_request_id)", true)));
            done.add(copies.submit(() -> copy(dataSource, "spend_day (ad_account_id, day, current_version_id, "
                    + "amount_micros, currency, fetched_at)", false)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            copies.shutdown();
        }
        for (String[] fk : foreignKeys) {
            jdbc.execute("alter table " + fk[0] + " add constraint " + fk[1] + " " + fk[2]);
        }
        for (String table : new String[] {"store", "ad_account", "sync_run", "spend_version"}) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
        }
    }

    /** One table's rows, day by day, on a connection of its own. */
    private Void copy(DataSource dataSource, String tableAndColumns, boolean versions) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (AgencyData.Rows rows = new AgencyData.Rows(connection.unwrap(PGConnection.class), tableAndColumns)) {
                long accounts = (long) stores * PLATFORMS.length;
                long id = 0;
                for (int d = 0; d < days; d++) {
                    LocalDate day = first.plusDays(d);
                    String fetchedAt = day.plusDays(1) + " 02:00:00+00";
                    for (long account = 1; account <= accounts; account++) {
                        id++;
                        long micros = micros(account, day.toEpochDay());
                        if (versions) {
                            rows.row(id, account, day, 1, micros, currency(account), fetchedAt, null, "bench");
                        } else {
                            rows.row(account, day, id, micros, currency(account), fetchedAt);
                        }
                    }
                }
            }
        }
        return null;
    }

    static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
