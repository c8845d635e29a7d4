drop view platform_spend_summary;
drop table account_month_spend;
drop index sync_run_account_newest;
drop index ad_account_links;
alter table spend_day drop constraint spend_day_pkey, add constraint spend_day_pkey primary key (ad_account_id, day);

create materialized view platform_spend_summary as
select latest.store_id,
       latest.platform,
       date_trunc('month', latest.day)::date as month,
       latest.currency,
       sum(latest.amount_micros)              as spend_micros,
       count(*)                               as days,
       max(latest.fetched_at)                 as last_fetched_at
from (select distinct on (a.store_id, a.platform, a.external_id, d.day)
             a.store_id, a.platform, d.day, d.currency, d.amount_micros, d.fetched_at
      from spend_day d
               join ad_account a on a.id = d.ad_account_id
      order by a.store_id, a.platform, a.external_id, d.day, a.id desc) latest
group by latest.store_id, latest.platform, date_trunc('month', latest.day), latest.currency;

create unique index platform_spend_summary_key on platform_spend_summary (store_id, platform, month, currency);
