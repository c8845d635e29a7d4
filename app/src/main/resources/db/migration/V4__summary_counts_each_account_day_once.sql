-- An account unlinked and linked again to the same store has one ad_account row per link, both holding the
-- days fetched while they were linked: each account-day counts once, with the value of its newest link.
drop materialized view platform_spend_summary;

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

-- Unique, so the view can be refreshed concurrently without blocking readers.
create unique index platform_spend_summary_key on platform_spend_summary (store_id, platform, month, currency);
