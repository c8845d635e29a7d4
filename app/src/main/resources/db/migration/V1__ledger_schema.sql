-- Stores, their ad accounts, daily spend with full version history, sync runs, baselines and ledger entries.
-- Money is always integer micros beside an ISO-4217 code; days are calendar days in the ad account's own zone.

create table store (
    id               bigint generated always as identity primary key,
    name             text        not null unique check (length(btrim(name)) between 1 and 200),
    time_zone        text        not null check (length(time_zone) between 1 and 64),
    billing_currency char(3)     not null check (billing_currency ~ '^[A-Z]{3}$'),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

-- The canonical account id per platform, as the connectors' AccountId produces it.
create function valid_account_id(platform text, external_id text) returns boolean
    language sql immutable strict as $$
    select case platform
        when 'meta'      then external_id ~ '^[0-9]{1,20}$'
        when 'google'    then external_id ~ '^[0-9]{10}$'
        when 'tiktok'    then external_id ~ '^[0-9]{1,20}$'
        when 'linkedin'  then external_id ~ '^[0-9]{1,19}$'
        when 'amazon'    then external_id ~ '^[0-9]{1,20}$'
        when 'microsoft' then external_id ~ '^[0-9]{1,20}$'
        when 'snapchat'  then external_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        when 'pinterest' then external_id ~ '^[0-9]{1,18}$'
        when 'reddit'    then external_id ~ '^(a2|t2)_[a-z0-9]{1,32}$'
        else false
    end
$$;

create table ad_account (
    id          bigint generated always as identity primary key,
    store_id    bigint      not null references store (id),
    platform    text        not null,
    external_id text        not null,
    -- What the platform reports about the account, learned on the first successful fetch.
    currency    char(3) check (currency ~ '^[A-Z]{3}$'),
    time_zone   text,
    name        text,
    linked_at   timestamptz not null default now(),
    unlinked_at timestamptz,
    constraint ad_account_id_valid check (valid_account_id(platform, external_id))
);
-- Several accounts per platform per store, but one live link of the same account to a store.
create unique index ad_account_live_link on ad_account (store_id, platform, external_id) where unlinked_at is null;

create table sync_run (
    id             bigint generated always as identity primary key,
    ad_account_id  bigint      not null references ad_account (id),
    range_from     date        not null,
    range_to       date        not null,
    status         text        not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    days_new       integer     not null default 0 check (days_new >= 0),
    days_restated  integer     not null default 0 check (days_restated >= 0),
    days_unchanged integer     not null default 0 check (days_unchanged >= 0),
    error_kind     text,
    error_message  text,
    platform_code  text,
    request_id     text,
    check (range_to >= range_from)
);
create index sync_run_account on sync_run (ad_account_id, started_at desc);

-- Every value ever fetched for an (account, day). Append-only: a restatement adds a version.
create table spend_version (
    id                  bigint generated always as identity primary key,
    ad_account_id       bigint      not null references ad_account (id),
    day                 date        not null,
    version             integer     not null check (version >= 1),
    amount_micros       bigint      not null,
    currency            char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    fetched_at          timestamptz not null,
    sync_run_id         bigint references sync_run (id),
    platform_request_id text,
    unique (ad_account_id, day, version)
);

-- The current value of each (account, day): exactly one row, pointing at its newest version.
create table spend_day (
    ad_account_id      bigint      not null references ad_account (id),
    day                date        not null,
    current_version_id bigint      not null unique references spend_version (id),
    amount_micros      bigint      not null,
    currency           char(3)     not null,
    fetched_at         timestamptz not null,
    primary key (ad_account_id, day)
);

create table baseline (
    id          bigint generated always as identity primary key,
    store_id    bigint      not null references store (id),
    range_from  date        not null,
    range_to    date        not null,
    provisional boolean     not null default false,
    -- What was missing or stale when a provisional baseline was taken.
    gaps        text,
    created_at  timestamptz not null default now(),
    check (range_to >= range_from)
);

-- Per-platform spend of a baseline, one row per currency. The total is computed by the database from
-- its parts, so no writer can make them disagree.
create table baseline_amount (
    baseline_id      bigint  not null references baseline (id) on delete cascade,
    currency         char(3) not null check (currency ~ '^[A-Z]{3}$'),
    meta_micros      bigint  not null default 0,
    google_micros    bigint  not null default 0,
    tiktok_micros    bigint  not null default 0,
    linkedin_micros  bigint  not null default 0,
    amazon_micros    bigint  not null default 0,
    microsoft_micros bigint  not null default 0,
    snapchat_micros  bigint  not null default 0,
    pinterest_micros bigint  not null default 0,
    reddit_micros    bigint  not null default 0,
    total_micros     bigint generated always as (
        meta_micros + google_micros + tiktok_micros + linkedin_micros + amazon_micros
            + microsoft_micros + snapchat_micros + pinterest_micros + reddit_micros) stored,
    primary key (baseline_id, currency)
);

-- The exact spend versions a baseline was built from.
create table baseline_spend_version (
    baseline_id      bigint not null references baseline (id) on delete cascade,
    spend_version_id bigint not null references spend_version (id),
    primary key (baseline_id, spend_version_id)
);

create table ledger_entry (
    id                   bigint generated always as identity primary key,
    store_id             bigint      not null references store (id),
    external_id          text        not null check (length(external_id) between 1 and 200),
    kind                 text        not null check (kind in ('revenue', 'adjustment')),
    entry_date           date        not null,
    amount_micros        bigint      not null,
    currency             char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    platform             text check (platform in ('meta', 'google', 'tiktok', 'linkedin', 'amazon', 'microsoft',
                                                  'snapchat', 'pinterest', 'reddit')),
    platform_campaign_id text check (length(platform_campaign_id) between 1 and 200),
    description          text check (length(description) <= 2000),
    created_at           timestamptz not null default now(),
    unique (store_id, external_id),
    check (platform_campaign_id is null or platform is not null)
);
