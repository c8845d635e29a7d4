drop table connect_state;
drop index ad_account_connection;
alter table ad_account drop column connection_id;
drop table connection;
