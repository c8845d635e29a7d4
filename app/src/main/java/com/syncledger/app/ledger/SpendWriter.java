package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.SpendReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of spend. For each (account, day) of a report, in one transaction: a first value
 * becomes version 1; a changed value becomes the next version and the current value; the same value
 * again writes nothing. Nothing is ever deleted, so a crash mid-sync and a re-run converge on the same
 * state. Concurrent writers of one account are serialised by an advisory lock on the account. The months whose
 * days changed are summed again in the same transaction ({@link SummaryUpkeep}), so the summary is never behind.
 */
@Component
public class SpendWriter {

    // Compares with the current values, appends the changed ones as new versions and points the current row at
    // them. Each day carries the number of its chunk (from 1), which picks the chunk's fetch time and request ids
    // (joined once: an array parameter cast where each row reads it would be parsed again for every row).
    private static final String APPEND_CHANGED = """
            with input as (
                select i.day, i.amount_micros, i.currency, c.fetched_at, c.request_ids
                from unnest(?::date[], ?::bigint[], ?::text[], ?::int[]) as i(day, amount_micros, currency, part)
                         join unnest(?::timestamptz[], ?::text[]) with ordinality as c(fetched_at, request_ids, part)
                              using (part)
            ), current_value as (
                select d.day, d.amount_micros, d.currency, v.version
                from spend_day d join spend_version v on v.id = d.current_version_id
                where d.ad_account_id = ? and d.day = any(?::date[])
            ), changed as (
                select i.day, i.amount_micros, i.currency, i.fetched_at, i.request_ids,
                       coalesce(c.version, 0) + 1 as version, c.day is null as is_new
                from input i left join current_value c on c.day = i.day
                where c.day is null or c.amount_micros <> i.amount_micros or c.currency <> i.currency
            ), appended as (
                insert into spend_version (ad_account_id, day, version, amount_micros, currency, fetched_at,
                                           sync_run_id, platform_request_id)
                select ?, day, version, amount_micros, currency, fetched_at, ?, request_ids from changed
                returning id, day, amount_micros, currency, fetched_at
            ), made_current as (
                insert into spend_day (ad_account_id, day, current_version_id, amount_micros, currency, fetched_at)
                select ?, day, id, amount_micros, currency, fetched_at from appended
                on conflict (ad_account_id, day) do update
                    set current_version_id = excluded.current_version_id, amount_micros = excluded.amount_micros,
                        currency = excluded.currency, fetched_at = excluded.fetched_at
            )""";

    private static final String COUNTS = """
            select count(*) filter (where is_new) as new_days, count(*) filter (where not is_new) as restated_days,
                   array_agg(distinct date_trunc('month', day)::date) as changed_months
            from changed""";

    // One round trip per report: the append, then the months the summary adds up are summed again by
    // SummaryUpkeep in a second statement (which sees the appended days).
    private static final String UPSERT = APPEND_CHANGED + "\n" + COUNTS;

    // One round trip per report of an account that is its store's only link, the summary included: the changed
    // months are summed from this statement's snapshot of the account's days (the values before the write) with
    // the changed days taken out and their new values put in, which is what summing them after the write gives.
    // Rows of a month whose currency no longer has a day go. Unchanged summary rows are left alone. A newer link
    // made since the lock statement looked (its writer waits for this account's lock) would take days out of
    // these months: then nothing is summed here, summary_kept says so and SummaryUpkeep recomputes.
    private static final String UPSERT_WITH_SUMMARY = APPEND_CHANGED + """
            , still_alone as (
                select not exists (select 1 from ad_account a
                                            join ad_account newer on newer.store_id = a.store_id
                                       and newer.platform = a.platform and newer.external_id = a.external_id
                                       and newer.id > a.id
                                   where a.id = ?) as alone
            ), changed_month as (
                select distinct date_trunc('month', day)::date as month from changed
                where (select alone from still_alone)
            ), month_day as (
                select d.day, d.amount_micros, d.currency, d.fetched_at
                from changed_month m
                         join spend_day d on d.ad_account_id = ? and d.day >= m.month
                    and d.day < (m.month + interval '1 month')::date
                where not exists (select 1 from changed c where c.day = d.day)
                union all
                select day, amount_micros, currency, fetched_at from appended
                where (select alone from still_alone)
            ), fresh as (
                select date_trunc('month', day)::date as month, currency, sum(amount_micros) as spend_micros,
                       count(*) as days, max(fetched_at) as last_fetched_at
                from month_day
                group by 1, 2
            ), kept as (
                insert into account_month_spend as s (ad_account_id, month, currency, spend_micros, days, last_fetched_at)
                select ?, month, currency, spend_micros, days, last_fetched_at from fresh
                on conflict (ad_account_id, month, currency) do update
                    set spend_micros = excluded.spend_micros, days = excluded.days,
                        last_fetched_at = excluded.last_fetched_at
                    where (s.spend_micros, s.days, s.last_fetched_at)
                              is distinct from (excluded.spend_micros, excluded.days, excluded.last_fetched_at)
            ), dropped as (
                delete from account_month_spend s
                using changed_month m
                where s.ad_account_id = ? and s.month = m.month
                  and not exists (select 1 from fresh f where f.month = s.month and f.currency = s.currency)
            )
            select count(*) filter (where is_new) as new_days, count(*) filter (where not is_new) as restated_days,
                   array_agg(distinct date_trunc('month', day)::date) as changed_months,
                   (select alone from still_alone) as summary_kept
            from changed""";

    private final JdbcTemplate jdbc;

    public SpendWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes every day of {@code report} for the account.
     *
     * @param syncRunId the sync run that fetched it, or null
     */
    @Transactional
    public WriteCounts write(long adAccountId, Long syncRunId, SpendReport report, Instant fetchedAt) {
        return write(adAccountId, syncRunId, List.of(new FetchedChunk(report, fetchedAt)));
    }

    /**
     * Writes every day of the chunks for the account in one statement, each day with its own chunk's fetch time
     * and request ids: one transaction's fixed cost for all of them.
     *
     * @param chunks    reports of days that do not overlap
     * @param syncRunId the sync run that fetched them, or null
     */
    @Transactional
    public WriteCounts write(long adAccountId, Long syncRunId, List<FetchedChunk> chunks) {
        FetchedChunk.requireDisjoint(chunks);
        List<DailySpend> days = chunks.stream().flatMap(chunk -> chunk.report().days().stream()).toList();
        if (days.isEmpty()) {
            return WriteCounts.NONE;
        }
        return jdbc.execute((Connection connection) -> {
            SummaryUpkeep.Links links = SummaryUpkeep.lockLinks(connection, adAccountId);
            String dates = ArrayLiterals.dates(days);
            try (PreparedStatement upsert = connection.prepareStatement(links.alone() ? UPSERT_WITH_SUMMARY : UPSERT)) {
                upsert.setString(1, dates);
                upsert.setString(2, ArrayLiterals.amountsMicros(days));
                upsert.setString(3, ArrayLiterals.currencies(days));
                upsert.setString(4, ArrayLiterals.chunkNumbers(chunks));
                upsert.setString(5, ArrayLiterals.instants(chunks.stream().map(FetchedChunk::fetchedAt).toList()));
                upsert.setString(6, ArrayLiterals.texts(chunks.stream().map(FetchedChunk::requestIds).toList()));
                upsert.setLong(7, adAccountId);
                upsert.setString(8, dates);
                upsert.setLong(9, adAccountId);
                upsert.setObject(10, syncRunId);
                upsert.setLong(11, adAccountId);
                if (links.alone()) {
                    upsert.setLong(12, adAccountId);
                    upsert.setLong(13, adAccountId);
                    upsert.setLong(14, adAccountId);
                    upsert.setLong(15, adAccountId);
                }
                try (ResultSet counts = upsert.executeQuery()) {
                    counts.next();
                    int created = counts.getInt("new_days");
                    int restated = counts.getInt("restated_days");
                    Array changedMonths = counts.getArray("changed_months");
                    boolean summaryKept = links.alone() && counts.getBoolean("summary_kept");
                    if (changedMonths != null && !summaryKept) {
                        SummaryUpkeep.recompute(connection, links.ids(connection), changedMonths);
                    }
                    return new WriteCounts(created, restated, days.size() - created - restated);
                }
            }
        });
    }
}
