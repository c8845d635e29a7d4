package com.syncledger.app.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.connectors.spi.DateRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Turns a request to sync accounts into account sync tasks: one per account, joined to a task already
 * waiting for the same account and range, otherwise added. Once added, a task is in the database: it runs on
 * some instance and ends as a recorded run even if this process stops.
 */
@Component
class SyncRequests {

    static final TaskDescriptor<Void> ACCOUNT_SYNC = TaskDescriptor.of(SyncTaskTable.ACCOUNT_SYNC);

    private final SyncTaskTable table;
    /** Requests of this process are joined one at a time, so a burst of identical ones shares one task each. */
    private final ReentrantLock joining = new ReentrantLock();

    SyncRequests(SyncTaskTable table) {
        this.table = table;
    }

    /** @param range the days to read, or null for each account's own window */
    List<SyncTicket> enqueue(SchedulerClient scheduler, List<AdAccount> links, DateRange range) {
        joining.lock();
        try {
            Map<String, String> pending = table.pendingByPrefix(links.stream()
                    .map(link -> SyncTaskId.fresh(link.id(), range).pendingPrefix()).toList());
            List<SyncTicket> tickets = new ArrayList<>(links.size());
            List<SchedulableInstance<?>> added = new ArrayList<>();
            Instant now = Instant.now();
            for (AdAccount link : links) {
                SyncTaskId fresh = SyncTaskId.fresh(link.id(), range);
                String waiting = pending.get(fresh.pendingPrefix());
                if (waiting != null) {
                    tickets.add(new SyncTicket(link, waiting, true));
                } else {
                    tickets.add(new SyncTicket(link, fresh.toString(), false));
                    added.add(SchedulableInstance.of(new TaskInstance<>(ACCOUNT_SYNC.getTaskName(), fresh.toString()),
                            now));
                }
            }
            if (!added.isEmpty()) {
                scheduler.scheduleBatch(added);
            }
            return List.copyOf(tickets);
        } finally {
            joining.unlock();
        }
    }
}
