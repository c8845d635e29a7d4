alter table stored_refresh_token drop column key_id;
