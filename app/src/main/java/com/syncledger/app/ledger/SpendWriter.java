package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.SpendReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    // One round trip per report: compare with the current values, append the changed ones as new
    // versions and point the current row at them.
    private static final String UPSERT = """
            with input as (
                select * from unnest(?::date[], ?::bigint[], ?::text[]) as i(day, amount_micros, currency)
            ), current_value as (
                select d.day, d.amount_micros, d.currency, v.version
                from spend_day d join spend_version v on v.id = d.current_version_id
                where d.ad_account_id = ? and d.day = any(?::date[])
            ), changed as (
                select i.day, i.amount_micros, i.currency, coalesce(c.version, 0) + 1 as version, c.day is null as is_new
                from input i left join current_value c on c.day = i.day
                where c.day is null or c.amount_micros <> i.amount_micros or c.currency <> i.currency
            ), appended as (
                insert into spend_version (ad_account_id, day, version, amount_micros, currency, fetched_at,
                                           sync_run_id, platform_request_id)
                select ?, day, version, amount_micros, currency, ?, ?, ? from changed
                returning id, day, amount_micros, currency, fetched_at
            ), made_current as (
                insert into spend_day (ad_account_id, day, current_version_id, amount_micros, currency, fetched_at)
                select ?, day, id, amount_micros, currency, fetched_at from appended
                on conflict (ad_account_id, day) do update
                    set current_version_id = excluded.current_version_id, amount_micros = excluded.amount_micros,
                        currency = excluded.currency, fetched_at = excluded.fetched_at
            )
            select count(*) filter (where is_new) as new_days, count(*) filter (where not is_new) as restated_days,
                   array_agg(distinct date_trunc('month', day)::date) as changed_months
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
        List<DailySpend> days = report.days();
        if (days.isEmpty()) {
            return WriteCounts.NONE;
        }
        String requestIds = report.requestIds().isEmpty() ? null : String.join(",", report.requestIds());
        return jdbc.execute((Connection connection) -> {
            Array links = SummaryUpkeep.lockLinks(connection, adAccountId);
            Array dates = connection.createArrayOf("date",
                    days.stream().map(d -> Date.valueOf(d.date())).toArray());
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setArray(1, dates);
                upsert.setArray(2, connection.createArrayOf("bigint",
                        days.stream().map(d -> d.spend().micros()).toArray()));
                upsert.setArray(3, connection.createArrayOf("text",
                        days.stream().map(d -> d.spend().currency()).toArray()));
                upsert.setLong(4, adAccountId);
                upsert.setArray(5, dates);
                upsert.setLong(6, adAccountId);
                upsert.setTimestamp(7, Timestamp.from(fetchedAt));
                upsert.setObject(8, syncRunId);
                upsert.setString(9, requestIds);
                upsert.setLong(10, adAccountId);
                try (ResultSet counts = upsert.executeQuery()) {
                    counts.next();
                    int created = counts.getInt("new_days");
                    int restated = counts.getInt("restated_days");
                    Array changedMonths = counts.getArray("changed_months");
                    if (changedMonths != null) {
                        SummaryUpkeep.recompute(connection, links, changedMonths);
                    }
                    return new WriteCounts(created, restated, days.size() - created - restated);
                }
            }
        });
    }
}
