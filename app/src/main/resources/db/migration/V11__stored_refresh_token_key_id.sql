-- Which SYNCLEDGER_SECRET_KEY sealed each stored refresh token (TokenCipher.keyId), so that readers pick the right
-- key while a key rotation is under way. Null for tokens stored before this version: readers try the current key,
-- then the previous one, and `secrets rotate-key` fills it in.
alter table stored_refresh_token add column key_id text;
