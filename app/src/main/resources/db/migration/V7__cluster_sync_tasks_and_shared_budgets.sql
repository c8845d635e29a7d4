-- Many instances, one ledger.
--
-- db-scheduler's table (its PostgreSQL schema for 16.x): one row per scheduled sync task. An instance picks a
-- row, heartbeats it while it runs, and another instance takes it over when the heartbeats stop.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Bucket4j's PostgreSQL proxy-manager: the state of each platform credential's request budget, shared by every
-- process that sends requests with that credential. Keyed by platform and a digest of the credential.
create table rate_budget_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);

-- The platform's own "slow down" signal, shared too: no process sends with the credential before paused_until.
create table rate_budget_pause (
    id           text        primary key,
    paused_until timestamptz not null
);

-- Which instance ran each sync run, and the task it ran for (so an accepted request maps to its run).
alter table sync_run add column instance text;
alter table sync_run add column task_instance text;
create index sync_run_task_instance on sync_run (task_instance);
