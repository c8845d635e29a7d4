-- The summary kept as the spend is written instead of refreshed whole after every sync: one row per account,
-- month and currency, recomputed by SpendWriter in the transaction that changes the account's days of that
-- month, so its upkeep is proportional to the account-months a sync touched, not to the ledger.
--
-- Each account-day counts once, with the value of its newest link (V4): an account's row holds only the days
-- no newer link of the same store, platform and external id has a value for.
create table account_month_spend (
    ad_account_id   bigint      not null references ad_account (id),
    month           date        not null check (extract(day from month) = 1),
    currency        char(3)     not null,
    spend_micros    bigint      not null,
    days            integer     not null check (days between 1 and 31),
    last_fetched_at timestamptz not null,
    primary key (ad_account_id, month, currency)
);

-- Every link of an account to a store, live or not: the writer finds and locks the older links of the account
-- it writes, and the readers find a store's accounts.
create index ad_account_links on ad_account (store_id, platform, external_id, id);

-- Spend reads take an account's days of a range from the primary key's index alone (an index-only scan): a
-- year of one account is a few index pages, wherever daily syncs left its rows in the table.
alter table spend_day drop constraint spend_day_pkey,
    add constraint spend_day_pkey primary key (ad_account_id, day) include (amount_micros, currency, fetched_at);

-- The stale check reads each account's newest finished run: with this index, without scanning its history.
create index sync_run_account_newest on sync_run (ad_account_id, id desc);

insert into account_month_spend (ad_account_id, month, currency, spend_micros, days, last_fetched_at)
select d.ad_account_id, date_trunc('month', d.day)::date, d.currency, sum(d.amount_micros), count(*), max(d.fetched_at)
from spend_day d
         join ad_account a on a.id = d.ad_account_id
where not exists (select 1
                  from ad_account newer
                           join spend_day n on n.ad_account_id = newer.id and n.day = d.day
                  where newer.store_id = a.store_id and newer.platform = a.platform
                    and newer.external_id = a.external_id and newer.id > a.id)
group by d.ad_account_id, date_trunc('month', d.day), d.currency;

-- The same columns, types and answers as the materialized view it replaces, always current.
drop materialized view platform_spend_summary;

create view platform_spend_summary as
select a.store_id,
       a.platform,
       s.month,
       s.currency,
       sum(s.spend_micros)    as spend_micros,
       sum(s.days)            as days,
       max(s.last_fetched_at) as last_fetched_at
from account_month_spend s
         join ad_account a on a.id = s.ad_account_id
group by a.store_id, a.platform, s.month, s.currency;
