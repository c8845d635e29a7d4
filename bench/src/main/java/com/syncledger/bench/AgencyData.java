package com.syncledger.bench;

import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agency's data for billing, loaded straight into the tables with {@code COPY} (not through the sync or
 * the ledger services, which would take far longer than what is measured): {@code stores} stores, each with
 * one ad account per platform, every day of the baseline and the billed month fetched by a succeeded sync
 * run long after the platforms' restatement windows passed, ledger entries of every kind for every day,
 * ECB-shaped FX rates (EUR to each other currency, on weekdays) and revenue closed through the billed month.
 * Deterministic: the same size gives the same data. Billing terms are set through the service, by the caller.
 */
final class AgencyData {

    static final YearMonth BASELINE = YearMonth.of(2026, 1);
    static final YearMonth BILLED = YearMonth.of(2026, 2);
    /** When every account's sync ran: a month after the longest restatement window (30 days) of the billed month. */
    static final Instant SYNCED_AT = Instant.parse("2026-04-15T02:00:00Z");

    static final Platform[] PLATFORMS = Platform.values();
    /** The stores' calendars and billing currencies, in turn. */
    private static final String[][] STORE_KINDS = {
            {"Europe/Berlin", "EUR"}, {"America/New_York", "USD"}, {"Europe/London", "GBP"}};
    private static final String[] FX_QUOTES = {"USD", "GBP", "JPY"};

    private static final LocalDate FIRST_DAY = BASELINE.atDay(1);
    private static final LocalDate LAST_DAY = BILLED.atEndOfMonth();
    static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);

    private final int stores;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AgencyData(int stores, DataSource dataSource) {
        this.stores = stores;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Ledger entries of one store in a month: the same for every store. */
    static int entriesPerStore(YearMonth month) {
        int n = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            n += entriesOn(month.atDay(d));
        }
        return n;
    }

    /** Per day: unattributed revenue, revenue attributed to each platform, cogs, shipping, a payment fee; a refund every third day. */
    private static int entriesOn(LocalDate day) {
        return 1 + PLATFORMS.length + 3 + (day.getDayOfMonth() % 3 == 0 ? 1 : 0);
    }

    static String storeCurrency(int store) {
        return STORE_KINDS[store % STORE_KINDS.length][1];
    }

    /** Loads everything but the terms; store ids are 1..stores. */
    void load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (Rows rows = new Rows(pg, "store (id, name, time_zone, billing_currency)")) {
                for (int s = 1; s <= stores; s++) {
                    rows.row(s, String.format(Locale.ROOT, "Agency store %05d", s), STORE_KINDS[s % STORE_KINDS.length][0],
                            storeCurrency(s));
                }
            }
            try (Rows rows = new Rows(pg, "ad_account (id, store_id, platform, external_id, currency, time_zone, name, "
                    + "linked_at, backfilled_at)")) {
                for (int s = 1; s <= stores; s++) {
                    for (Platform platform : PLATFORMS) {
                        long account = accountId(s, platform);
                        rows.row(account, s, platform.slug(), externalId(s, platform, account),
                                accountCurrency(s, platform), STORE_KINDS[s % STORE_KINDS.length][0],
                                platform.displayName() + " " + s, "2025-11-01 00:00:00+00", SYNCED_AT);
                    }
                }
            }
        }
        // One succeeded sync per account over both months, its id the account's.
        jdbc.update("""
                insert into sync_run (id, ad_account_id, range_from, range_to, status, started_at, finished_at, days_new)
                overriding system value
                select id, id, ?, ?, 'succeeded', cast(? as timestamptz), cast(? as timestamptz) + interval '10 minutes', ?
                from ad_account""",
                FIRST_DAY, LAST_DAY, SYNCED_AT.toString(), SYNCED_AT.toString(), DAYS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            Instant fetchedAt = SYNCED_AT.plusSeconds(60);
            try (Rows rows = new Rows(pg, "spend_version (id, ad_account_id, day, version, amount_micros, currency, "
                    + "fetched_at, sync_run_id, platform_request_id)")) {
                forEachAccountDay((account, currency, day, version, micros) -> rows.row(version, account, day, 1,
                        micros, currency, fetchedAt, account, "bench-" + account));
            }
            try (Rows rows = new Rows(pg, "spend_day (ad_account_id, day, current_version_id, amount_micros, currency, "
                    + "fetched_at)")) {
                forEachAccountDay((account, currency, day, version, micros) -> rows.row(account, day, version, micros,
                        currency, fetchedAt));
            }
            try (Rows rows = new Rows(pg, "ledger_entry (id, store_id, external_id, kind, entry_date, amount_micros, "
                    + "currency, platform)")) {
                long id = 0;
                for (int s = 1; s <= stores; s++) {
                    for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                        id = entries(rows, id, s, day);
                    }
                }
            }
            try (Rows rows = new Rows(pg, "fx_rate (day, base, quote, rate, source, recorded_by)")) {
                // ECB reference rates: business days only; a weekend takes Friday's (FxTable looks back 4 days).
                for (LocalDate day = FIRST_DAY.minusDays(7); !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        int wobble = (int) Math.floorMod(mix(day.toEpochDay()), 200) - 100;
                        rows.row(day, "EUR", "USD", decimal(10_850 + wobble, 4), "ecb", "bench");
                        rows.row(day, "EUR", "GBP", decimal(85_120 + wobble * 7, 5), "ecb", "bench");
                        rows.row(day, "EUR", "JPY", decimal(16_150 + wobble, 2), "ecb", "bench");
                    }
                }
            }
        }
        jdbc.update("insert into revenue_close (store_id, closed_through, closed_by) select id, ?, 'bench' from store",
                LAST_DAY);
        for (String table : List.of("store", "ad_account", "sync_run", "spend_version", "ledger_entry")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
        }
    }

    // --- spend -----------------------------------------------------------------------------------------------

    private interface AccountDay {
        void accept(long account, String currency, LocalDate day, long versionId, long micros) throws SQLException;
    }

    private void forEachAccountDay(AccountDay consumer) throws SQLException {
        for (int s = 1; s <= stores; s++) {
            for (Platform platform : PLATFORMS) {
                long account = accountId(s, platform);
                String currency = accountCurrency(s, platform);
                for (int d = 0; d < DAYS; d++) {
                    consumer.accept(account, currency, FIRST_DAY.plusDays(d), (account - 1) * DAYS + d + 1,
                            spendMicros(account, d, currency));
                }
            }
        }
    }

    private static long accountId(int store, Platform platform) {
        return (long) (store - 1) * PLATFORMS.length + platform.ordinal() + 1;
    }

    /** A valid id of the platform's own shape (see valid_account_id in V1__ledger_schema.sql). */
    static String externalId(int store, Platform platform, long account) {
        return switch (platform) {
            case META -> String.valueOf(100_000_000_000L + account);
            case GOOGLE -> String.valueOf(1_000_000_000L + account);
            case TIKTOK -> String.valueOf(7_000_000_000_000_000_000L + account);
            case LINKEDIN -> String.valueOf(500_000_000L + account);
            case AMAZON -> String.valueOf(3_000_000_000_000_000L + account);
            case MICROSOFT -> String.valueOf(140_000_000L + account);
            case SNAPCHAT -> String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", store, account);
            case PINTEREST -> String.valueOf(549_000_000_000L + account);
            case REDDIT -> "t2_bench" + Long.toString(account, 36);
        };
    }

    /** Most accounts bill in the store's currency; about one in four in another (one in eight of those in JPY). */
    private static String accountCurrency(int store, Platform platform) {
        int turn = store + platform.ordinal();
        if (turn % 4 != 0) {
            return storeCurrency(store);
        }
        if (turn % 32 == 0) {
            return "JPY";
        }
        return STORE_KINDS[(store + 1) % STORE_KINDS.length][1];
    }

    /** 20.00 to 520.00 a day in whole cents (3,000 to 83,000 yen), about 3% of the days nothing. */
    private static long spendMicros(long account, int day, String currency) {
        long h = mix(account * 1_000_003L + day);
        if (Math.floorMod(h, 33) == 0) {
            return 0;
        }
        return "JPY".equals(currency) ? (3_000 + Math.floorMod(h >>> 8, 80_000)) * 1_000_000L
                : (2_000 + Math.floorMod(h >>> 8, 50_000)) * 10_000L;
    }

    // --- ledger entries --------------------------------------------------------------------------------------

    /** A day's entries in the store's calendar; the billed month sells about 15% more than the baseline. */
    private long entries(Rows rows, long id, int store, LocalDate day) throws SQLException {
        String currency = storeCurrency(store);
        long h = mix(store * 7_919L + day.toEpochDay());
        int growth = YearMonth.from(day).equals(BILLED) ? 115 : 100;
        long unattributed = (2_000 + Math.floorMod(h, 2_000)) * 1_000_000L * growth / 100;
        long revenue = unattributed;
        String date = day.toString();
        rows.row(++id, store, date + "-revenue", "revenue", day, unattributed, currency, null);
        for (Platform platform : PLATFORMS) {
            long attributed = (300 + Math.floorMod(h >>> (platform.ordinal() + 3), 600)) * 1_000_000L * growth / 100
                    + Math.floorMod(h >>> 20, 100) * 10_000L;
            revenue += attributed;
            rows.row(++id, store, date + "-revenue-" + platform.slug(), "revenue", day, attributed, currency,
                    platform.slug());
        }
        rows.row(++id, store, date + "-cogs", "cogs", day, cents(revenue * 35 / 100), currency, null);
        rows.row(++id, store, date + "-shipping", "shipping", day, cents(revenue * 6 / 100), currency, null);
        // The payment processor settles in EUR, whatever the store's currency.
        rows.row(++id, store, date + "-payment-fee", "payment_fee", day, cents(revenue * 29 / 1000), "EUR", null);
        if (day.getDayOfMonth() % 3 == 0) {
            rows.row(++id, store, date + "-refund", "refund", day, cents(revenue * 4 / 100), currency, null);
        }
        return id;
    }

    private static long cents(long micros) {
        return micros / 10_000 * 10_000;
    }

    private static String decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Rows of one table in COPY's text format, sent in blocks of about 64 KiB. */
    static final class Rows implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(70_000);

        Rows(PGConnection connection, String tableAndColumns) throws SQLException {
            this.copy = connection.getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin");
        }

        /** Values are plain (no tab, newline or backslash); null is {@code \N}. */
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                text.append(values[i] == null ? "\\N" : values[i].toString());
            }
            text.append('\n');
            if (text.length() >= 65_536) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }
}
