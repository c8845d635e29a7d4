package com.syncledger.app.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the sync tasks in db-scheduler's table say: which are pending, which are being run and by a live
 * instance, which are still there. Only reads: db-scheduler alone writes its table.
 */
@Component
class SyncTaskTable {

    static final String ACCOUNT_SYNC = "account-sync";

    private final JdbcClient jdbc;

    SyncTaskTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pending (not yet picked) account sync tasks with one of the prefixes (see
     * {@link SyncTaskId#pendingPrefix()}), by prefix.
     */
    Map<String, String> pendingByPrefix(List<String> prefixes) {
        Map<String, String> pending = new HashMap<>();
        if (prefixes.isEmpty()) {
            return pending;
        }
        jdbc.sql("""
                select task_instance from scheduled_tasks
                where task_name = ? and not picked and task_instance like any(?) order by execution_time""")
                .params(ACCOUNT_SYNC, prefixes.stream().map(prefix -> prefix + "%").toArray(String[]::new))
                .query(String.class).list()
                .forEach(task -> pending.putIfAbsent(task.substring(0, task.lastIndexOf(':') + 1), task));
        return pending;
    }

    /**
     * Whether another task of the same account is being run by an instance that heartbeated since
     * {@code aliveSince}. Every task checks this once picked: a task picked before the check is seen, so of two
     * tasks picked at once at least one sees the other and steps back. A silent instance's task no longer
     * counts once it would be declared dead.
     */
    boolean anotherRunning(SyncTaskId task, Instant aliveSince) {
        return jdbc.sql("""
                select exists (select 1 from scheduled_tasks
                    where task_name = ? and task_instance like ? and task_instance <> ?
                    and picked and last_heartbeat > ?)""")
                .params(ACCOUNT_SYNC, SyncTaskId.accountPrefix(task.adAccountId()) + "%", task.toString(),
                        Timestamp.from(aliveSince))
                .query(Boolean.class).single();
    }

    /** Which of the tasks are still scheduled or running. */
    Set<String> remaining(List<String> tasks) {
        return Set.copyOf(jdbc.sql("select task_instance from scheduled_tasks where task_name = ? and task_instance = any(?)")
                .params(ACCOUNT_SYNC, tasks.toArray(String[]::new)).query(String.class).list());
    }

    /** How many account syncs of the store's accounts are waiting or running, cluster-wide. */
    int activeForAccounts(List<Long> adAccountIds) {
        if (adAccountIds.isEmpty()) {
            return 0;
        }
        String[] prefixes = adAccountIds.stream().map(id -> SyncTaskId.accountPrefix(id) + "%").toArray(String[]::new);
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = ? and task_instance like any(?)")
                .params(ACCOUNT_SYNC, prefixes).query(Integer.class).single();
    }
}
