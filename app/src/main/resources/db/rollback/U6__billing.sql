-- Refuses, rather than deletes, ledger entries the older schema cannot hold.
do $$
begin
    if exists (select 1 from ledger_entry where kind not in ('revenue', 'adjustment')) then
        raise exception 'cannot roll back V6: refund and cost entries exist, which V5 cannot hold';
    end if;
end
$$;
drop table billing_audit;
drop table statement_adjustment;
drop table statement_fx_rate;
drop table statement_ledger_entry;
drop table statement_spend_version;
drop table billing_statement;
drop table billing_terms;
drop table fx_rate;
drop table revenue_close;
drop function refuse_change();
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check check (kind in ('revenue', 'adjustment'));
