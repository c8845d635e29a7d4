package com.syncledger.app.ledger;

import com.syncledger.connectors.spi.DateRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One record per account per sync: what was asked, what happened, and the error if it failed. */
@Repository
public class SyncRuns {

    /**
     * A finished or running sync of one account. {@code instance} is the instance that ran it and
     * {@code taskInstance} the sync task it ran for (both null for runs recorded before tasks existed).
     */
    public record SyncRun(long id, long adAccountId, LocalDate rangeFrom, LocalDate rangeTo, String status,
            Instant startedAt, Instant finishedAt, int daysNew, int daysRestated, int daysUnchanged,
            String errorKind, String errorMessage, String platformCode, String requestId, String instance,
            String taskInstance) {
    }

    /** Who runs a sync: the instance, and the task it runs for. */
    public record Runner(String instance, String taskInstance) {
    }

    /** Why a sync failed, as the platform said it. */
    public record Failure(String kind, String message, String platformCode, String requestId) {
    }

    private final JdbcClient jdbc;

    public SyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long adAccountId, DateRange range, Runner runner) {
        return jdbc.sql("""
                insert into sync_run (ad_account_id, range_from, range_to, instance, task_instance)
                values (?, ?, ?, ?, ?) returning id""")
                .params(adAccountId, range.from(), range.to(), runner.instance(), runner.taskInstance())
                .query(Long.class).single();
    }

    /** The latest run recorded for each of the sync tasks, by task instance; a task without a run is absent. */
    public Map<String, SyncRun> latestForTasks(List<String> taskInstances) {
        Map<String, SyncRun> latest = new HashMap<>();
        if (taskInstances.isEmpty()) {
            return latest;
        }
        jdbc.sql("select * from sync_run where task_instance = any(?) order by id")
                .param(taskInstances.toArray(String[]::new))
                .query(SyncRuns::map).list()
                .forEach(run -> latest.put(run.taskInstance(), run));
        return latest;
    }

    void succeed(long runId, WriteCounts counts) {
        jdbc.sql("""
                update sync_run set status = 'succeeded', finished_at = now(),
                    days_new = ?, days_restated = ?, days_unchanged = ? where id = ?""")
                .params(counts.newDays(), counts.restatedDays(), counts.unchangedDays(), runId).update();
    }

    /** A failed run keeps the counts of what it wrote before failing (e.g. earlier chunks of a backfill). */
    void fail(long runId, WriteCounts counts, Failure failure) {
        jdbc.sql("""
                update sync_run set status = 'failed', finished_at = now(),
                    days_new = ?, days_restated = ?, days_unchanged = ?,
                    error_kind = ?, error_message = ?, platform_code = ?, request_id = ? where id = ?""")
                .params(counts.newDays(), counts.restatedDays(), counts.unchangedDays(), failure.kind(),
                        truncate(failure.message()), failure.platformCode(), failure.requestId(), runId)
                .update();
    }

    /** A run that never finished (the process died) is closed as failed when the next sync starts. */
    int failAbandoned(long adAccountId) {
        return jdbc.sql("""
                update sync_run set status = 'failed', finished_at = now(), error_kind = 'interrupted',
                    error_message = 'the sync stopped before it finished' where ad_account_id = ? and status = 'running'""")
                .param(adAccountId).update();
    }

    public List<SyncRun> forStore(long storeId, int offset, int limit) {
        return jdbc.sql("""
                select r.* from sync_run r join ad_account a on a.id = r.ad_account_id
                where a.store_id = ? order by r.id desc offset ? limit ?""")
                .params(storeId, offset, limit).query(SyncRuns::map).list();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SyncRun(rs.getLong("id"), rs.getLong("ad_account_id"), rs.getDate("range_from").toLocalDate(),
                rs.getDate("range_to").toLocalDate(), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("days_new"), rs.getInt("days_restated"),
                rs.getInt("days_unchanged"), rs.getString("error_kind"), rs.getString("error_message"),
                rs.getString("platform_code"), rs.getString("request_id"), rs.getString("instance"),
                rs.getString("task_instance"));
    }

    /**
     * The error of each of the store's linked accounts whose latest finished sync failed ({@code kind: message});
     * an account whose latest finished sync succeeded, or that never synced, is absent. Its days are then the
     * last known values: stale.
     */
    public Map<Long, String> lastFailures(long storeId) {
        Map<Long, String> failures = new HashMap<>();
        jdbc.sql("""
                select a.id as ad_account_id, r.status, r.error_kind, r.error_message
                from ad_account a
                         cross join lateral (select status, error_kind, error_message from sync_run r
                                             where r.ad_account_id = a.id and r.status <> 'running'
                                             order by r.id desc limit 1) r
                where a.store_id = ? and a.unlinked_at is null""")
                .param(storeId)
                .query((rs, row) -> "failed".equals(rs.getString("status"))
                        ? failures.put(rs.getLong("ad_account_id"),
                                rs.getString("error_kind") + ": " + rs.getString("error_message"))
                        : null)
                .list();
        return failures;
    }
}
