drop table stored_refresh_token;
