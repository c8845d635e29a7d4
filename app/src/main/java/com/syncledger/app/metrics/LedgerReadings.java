package com.syncledger.app.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ledger metrics read from the database, per platform over every linked account, each account's
 * days in its own calendar (its time zone once known, the store's before). Bounded by design: nine platforms,
 * a few currencies, no account ids.
 */
final class LedgerReadings {

    /** Days the account-day states are counted over: the last 30 complete days, through yesterday. */
    static final int ACCOUNT_DAYS_WINDOW = 30;

    /** {@code yesterday} is null when no account of the platform has a value for yesterday: not a zero. */
    record Spend(String platform, String currency, BigDecimal yesterday, BigDecimal monthToDate) {
    }

    record LastSuccess(String platform, Instant finishedAt) {
    }

    record AccountDays(String platform, long missing, long stale) {
    }

    record FinishedRun(String platform, String status, long millis, Instant finishedAt) {
    }

    private static final String LINKED_ACCOUNTS = """
            select a.id, a.platform,
                   (now() at time zone coalesce(a.time_zone, s.time_zone))::date - 1 as yesterday
            from ad_account a join store s on s.id = a.store_id
            where a.unlinked_at is null""";

    private final JdbcClient jdbc;

    LedgerReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Yesterday, and the month of yesterday from its first day through yesterday: complete days only. */
    List<Spend> spend() {
        return jdbc.sql("with acct as (" + LINKED_ACCOUNTS + """
                )
                select acct.platform, d.currency,
                       sum(d.amount_micros) filter (where d.day = acct.yesterday) as yesterday,
                       sum(d.amount_micros) as month_to_date
                from acct join spend_day d on d.ad_account_id = acct.id
                where d.day between date_trunc('month', acct.yesterday)::date and acct.yesterday
                group by acct.platform, d.currency""")
                .query((rs, row) -> new Spend(rs.getString("platform"), rs.getString("currency"),
                        rs.getObject("yesterday") == null ? null : major(rs.getLong("yesterday")),
                        major(rs.getLong("month_to_date"))))
                .list();
    }

    List<LastSuccess> lastSuccesses() {
        return jdbc.sql("""
                select a.platform, max(r.finished_at) as finished_at
                from sync_run r join ad_account a on a.id = r.ad_account_id
                where r.status = 'succeeded' and a.unlinked_at is null
                group by a.platform""")
                .query((rs, row) -> new LastSuccess(rs.getString("platform"),
                        rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    /** Per platform: account-days without a value, and with a value whose account's last sync failed. */
    List<AccountDays> accountDays() {
        return jdbc.sql("with acct as (" + LINKED_ACCOUNTS + """
                ), last_run as (
                    select distinct on (r.ad_account_id) r.ad_account_id, r.status
                    from sync_run r where r.status <> 'running' order by r.ad_account_id, r.id desc
                ), days as (
                    select acct.id, acct.platform, g::date as day
                    from acct, generate_series(acct.yesterday - :window + 1, acct.yesterday, interval '1 day') g
                )
                select days.platform,
                       count(*) filter (where d.ad_account_id is null) as missing,
                       count(*) filter (where d.ad_account_id is not null and lr.status = 'failed') as stale
                from days
                left join spend_day d on d.ad_account_id = days.id and d.day = days.day
                left join last_run lr on lr.ad_account_id = days.id
                group by days.platform""")
                .param("window", ACCOUNT_DAYS_WINDOW)
                .query((rs, row) -> new AccountDays(rs.getString("platform"), rs.getLong("missing"),
                        rs.getLong("stale")))
                .list();
    }

    /** Runs that finished after {@code since}, oldest first. */
    List<FinishedRun> finishedSince(Instant since) {
        return jdbc.sql("""
                select a.platform, r.status, r.finished_at,
                       (extract(epoch from (r.finished_at - r.started_at)) * 1000)::bigint as millis
                from sync_run r join ad_account a on a.id = r.ad_account_id
                where r.finished_at > ? order by r.finished_at""")
                .param(java.sql.Timestamp.from(since))
                .query((rs, row) -> new FinishedRun(rs.getString("platform"), rs.getString("status"),
                        Math.max(0, rs.getLong("millis")), rs.getTimestamp("finished_at").toInstant()))
                .list();
    }

    Instant databaseNow() {
        return jdbc.sql("select now()").query(java.sql.Timestamp.class).single().toInstant();
    }

    private static BigDecimal major(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }
}
