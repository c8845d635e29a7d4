alter table ad_account drop column backfilled_at;
