drop view platform_spend_summary;
drop table account_month_spend;
drop index sync_run_account_newest;
drop index ad_account_links;
alter table spend_day drop constraint spend_day_pkey, add constraint spend_day_pkey primary key (ad_account_id, day);

-- Back to the materialized summary of V4, made as V2 and V4 made it.
-- rerun migration 2
-- rerun migration 4
