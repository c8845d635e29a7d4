drop index sync_run_task_instance;
alter table sync_run drop column task_instance;
alter table sync_run drop column instance;
drop table rate_budget_pause;
drop table rate_budget_bucket;
drop table scheduled_tasks;
