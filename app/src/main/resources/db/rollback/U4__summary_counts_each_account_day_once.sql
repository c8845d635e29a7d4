drop materialized view platform_spend_summary;

create materialized view platform_spend_summary as
select a.store_id,
       a.platform,
       date_trunc('month', d.day)::date as month,
       d.currency,
       sum(d.amount_micros)              as spend_micros,
       count(*)                          as days,
       max(d.fetched_at)                 as last_fetched_at
from spend_day d
         join ad_account a on a.id = d.ad_account_id
group by a.store_id, a.platform, date_trunc('month', d.day), d.currency;

create unique index platform_spend_summary_key on platform_spend_summary (store_id, platform, month, currency);
