-- When an account's backfill (everything its platform retains) completed. Until then a default sync
-- backfills; a sync of an explicit range does not count as the backfill.
alter table ad_account add column backfilled_at timestamptz;

update ad_account a set backfilled_at = now()
where exists (select 1 from sync_run r where r.ad_account_id = a.id and r.status = 'succeeded');
