package com.syncledger.app.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.syncledger.app.config.InstanceName;
import com.syncledger.app.connections.ConnectionKeeper;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's member of the cluster-wide sync scheduler: db-scheduler on the ledger's database. Two tasks:
 * <ul>
 *   <li>{@code account-sync}, one per (store, account) request: run by exactly one instance at a time, which
 *       heartbeats it; when the heartbeats stop, another instance runs it again. A task that finds another
 *       task of its account running steps back and is tried again shortly, holding nothing meanwhile; so does a
 *       task whose platform budget has no room yet, until its turn (see {@link FetchEngine#budgetTurn}).</li>
 *   <li>{@code scheduled-sync}, recurring: one instance per turn asks for a sync of every linked account.</li>
 *   <li>{@code connection-keeper}, recurring hourly: one instance per turn refreshes the connections whose tokens
 *       near their end (see {@link ConnectionKeeper}).</li>
 * </ul>
 * {@code serve} runs tasks from its start; other commands only once they sync (then they run others' tasks too,
 * until they stop). Stopping lets running syncs finish for a while, then hands the rest back.
 */
@Component
class ClusterScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);
    /** How often the connection keeper looks for tokens near their end: well inside the 14-day warning window. */
    static final Duration KEEPER_INTERVAL = Duration.ofHours(1);

    private final SyncTaskSettings settings;
    private final AccountSyncRunner runner;
    private final SyncTaskTable table;
    private final ApplicationContext context;
    private final String instance;
    private final Scheduler scheduler;
    private final AtomicBoolean executing = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    ClusterScheduler(DataSource dataSource, Env env, AccountSyncRunner runner, SyncTaskTable table,
            SyncRequests requests, AdAccounts accounts, InstanceName instance, ConnectionKeeper keeper,
            ApplicationContext context,
            @Value("${syncledger.sync.schedule.enabled:true}") boolean scheduledTurns) {
        this.settings = SyncTaskSettings.fromEnv(env);
        this.runner = runner;
        this.table = table;
        this.context = context;
        this.instance = instance.value();
        List<Task<?>> tasks = new ArrayList<>(List.of(accountSyncTask()));
        List<RecurringTask<Void>> turns = new ArrayList<>();
        // Only serve takes scheduled turns: a CLI command is a member only while it waits for its own syncs.
        if (scheduledTurns && context instanceof WebServerApplicationContext) {
            turns.add(Tasks.recurring("scheduled-sync", new IntervalAfterDelay(settings.interval(), settings.initialDelay()))
                    .execute((task, execution) -> {
                        int asked = requests.enqueue(execution.getSchedulerClient(), accounts.allLinked(), null).size();
                        log.info("scheduled sync turn: accounts={}", asked);
                    }));
            turns.add(Tasks.recurring("connection-keeper", new IntervalAfterDelay(KEEPER_INTERVAL,
                            settings.initialDelay()))
                    .execute((task, execution) -> keeper.keep()));
        }
        this.scheduler = Scheduler.create(dataSource, tasks)
                .startTasks(turns)
                .schedulerName(new SchedulerName.Fixed(this.instance))
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                .build();
    }

    /** Where sync tasks are added; usable whether or not this instance runs tasks. */
    SchedulerClient client() {
        return scheduler;
    }

    SyncTaskSettings settings() {
        return settings;
    }

    /** This instance starts running tasks, if it does not yet. */
    void execute() {
        if (!stopping.get() && executing.compareAndSet(false, true)) {
            scheduler.start();
            log.info("running sync tasks: threads={} heartbeat={} dead_after={}", settings.threads(),
                    settings.heartbeat(), settings.deadAfter());
        }
    }

    private Task<Void> accountSyncTask() {
        FailureHandler<Void> retry = new FailureHandler.MaxRetriesFailureHandler<>(5,
                new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)));
        return Tasks.custom(SyncRequests.ACCOUNT_SYNC)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) -> {
                    if (stopping.get()) {
                        operations.reschedule(complete, Instant.now()); // handed back: another instance takes it
                    } else {
                        retry.onFailure(complete, operations);
                    }
                })
                .execute(this::runAccountSync);
    }

    private CompletionHandler<Void> runAccountSync(TaskInstance<Void> task, ExecutionContext execution) {
        SyncTaskId id = SyncTaskId.parse(task.getId());
        if (runner.settledWithCaller(id)) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        if (table.anotherRunning(id, Instant.now().minus(settings.deadAfter()))) {
            // Jitter, so two tasks of one account that stepped back together do not meet again.
            long jitter = ThreadLocalRandom.current().nextLong(settings.busyRetry().toMillis() + 1);
            Instant retry = Instant.now().plus(settings.busyRetry()).plusMillis(jitter);
            return (ExecutionComplete complete, ExecutionOperations<Void> operations) ->
                    operations.reschedule(complete, retry);
        }
        Optional<Instant> turn = runner.run(id);
        if (turn.isPresent()) {
            // Waiting for the budget would hold one of this instance's sync threads, which accounts of platforms
            // with room could use: the task steps back until its turn, holding nothing meanwhile.
            return (ExecutionComplete complete, ExecutionOperations<Void> operations) ->
                    operations.reschedule(complete, turn.get());
        }
        if (stopping.get() && Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("stopped before the sync finished: handed back");
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    @Override
    public void start() {
        if (context instanceof WebServerApplicationContext) {
            execute();
        }
    }

    @Override
    public void stop() {
        stopping.set(true);
        if (executing.compareAndSet(true, false)) {
            log.info("stopping: running syncs have {} to finish, the rest are handed back", settings.shutdownWait());
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return executing.get();
    }

    /** Stops before the web server and the database pool, after which no task could finish. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
