drop materialized view platform_spend_summary;
