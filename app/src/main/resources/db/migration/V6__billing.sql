-- Billing: revenue and cost entries, closed revenue periods, dated FX rates, versioned billing terms,
-- issued statements pinned to the exact data they used, and an append-only audit trail.

alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('revenue', 'refund', 'cogs', 'shipping', 'payment_fee', 'other_cost', 'adjustment'));

-- Revenue closed through a date: entries dated on or before it are refused. Append-only; the newest
-- (largest) date is the one in force, and it only moves forward.
create table revenue_close (
    id             bigint generated always as identity primary key,
    store_id       bigint      not null references store (id),
    closed_through date        not null,
    closed_at      timestamptz not null default now(),
    closed_by      text        not null
);
create index revenue_close_store on revenue_close (store_id, closed_through desc);

-- One rate per day and currency pair, an exact decimal: 1 base = rate quote.
create table fx_rate (
    day         date        not null,
    base        char(3)     not null check (base ~ '^[A-Z]{3}$'),
    quote       char(3)     not null check (quote ~ '^[A-Z]{3}$'),
    rate        numeric     not null check (rate > 0),
    source      text        not null check (length(source) between 1 and 100),
    recorded_at timestamptz not null default now(),
    recorded_by text        not null,
    primary key (day, base, quote),
    check (base <> quote)
);

-- A store's billing terms from a month on; a change is a new row, so earlier statements keep theirs.
create table billing_terms (
    id             bigint generated always as identity primary key,
    store_id       bigint        not null references store (id),
    effective_from date          not null check (extract(day from effective_from) = 1),
    baseline_from  date          not null,
    baseline_to    date          not null,
    fee_rate       numeric(7, 6) not null check (fee_rate >= 0 and fee_rate <= 1),
    floor_micros   bigint check (floor_micros >= 0),
    cap_micros     bigint check (cap_micros >= 0),
    currency       char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    created_at     timestamptz   not null default now(),
    created_by     text          not null,
    unique (store_id, effective_from),
    check (baseline_to >= baseline_from),
    check (baseline_to < effective_from),
    check (floor_micros is null or cap_micros is null or floor_micros <= cap_micros)
);

-- An issued statement: its document exactly as issued, and its key figures for queries.
create table billing_statement (
    id                bigint generated always as identity primary key,
    store_id          bigint      not null references store (id),
    period            date        not null check (extract(day from period) = 1),
    terms_id          bigint      not null references billing_terms (id),
    currency          char(3)     not null,
    net_profit_micros bigint      not null,
    uplift_micros     bigint      not null,
    fee_micros        bigint      not null,
    amount_due_micros bigint      not null,
    document          text        not null,
    issued_at         timestamptz not null default now(),
    issued_by         text        not null,
    unique (store_id, period)
);

-- What an issued statement rests on: for its period and for its baseline period.
create table statement_spend_version (
    statement_id     bigint not null references billing_statement (id),
    spend_version_id bigint not null references spend_version (id),
    part             text   not null check (part in ('period', 'baseline')),
    primary key (statement_id, spend_version_id)
);

create table statement_ledger_entry (
    statement_id    bigint not null references billing_statement (id),
    ledger_entry_id bigint not null references ledger_entry (id),
    part            text   not null check (part in ('period', 'baseline')),
    primary key (statement_id, ledger_entry_id)
);

create table statement_fx_rate (
    statement_id bigint  not null references billing_statement (id),
    day          date    not null,
    base         char(3) not null,
    quote        char(3) not null,
    rate         numeric not null,
    source       text    not null,
    primary key (statement_id, day, base, quote)
);

-- A difference carried by a statement for an earlier one whose pinned data changed after it was issued.
create table statement_adjustment (
    statement_id                 bigint not null references billing_statement (id),
    original_statement_id        bigint not null references billing_statement (id),
    net_profit_difference_micros bigint not null,
    fee_difference_micros        bigint not null,
    primary key (statement_id, original_statement_id),
    check (statement_id <> original_statement_id)
);

-- Who changed what and when, for every billing write.
create table billing_audit (
    id       bigint generated always as identity primary key,
    at       timestamptz not null default now(),
    actor    text        not null check (length(actor) between 1 and 100),
    action   text        not null check (length(action) between 1 and 100),
    store_id bigint references store (id),
    details  jsonb       not null default '{}'
);
create index billing_audit_store on billing_audit (store_id, id);

-- Issued statements, what they rest on, closes and the audit trail are never edited or deleted.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end
$$;

-- One trigger per table, named <table>_append_only.
do $$
declare
    t text;
begin
    foreach t in array array['billing_statement', 'statement_spend_version', 'statement_ledger_entry',
            'statement_fx_rate', 'statement_adjustment', 'revenue_close', 'billing_audit'] loop
        execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()',
                t || '_append_only', t);
    end loop;
end
$$;
