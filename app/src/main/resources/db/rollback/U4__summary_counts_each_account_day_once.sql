-- Back to the summary of V2.
drop materialized view platform_spend_summary;

-- rerun migration 2
