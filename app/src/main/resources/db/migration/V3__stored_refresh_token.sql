-- Refresh tokens a platform rotated (Microsoft, Pinterest, Reddit): the configured one stops working, so the
-- newest is kept here, encrypted with AES-GCM under SYNCLEDGER_SECRET_KEY. It is used only while the
-- configured token is still the one it was rotated from (by SHA-256), so an operator's new token wins.
create table stored_refresh_token (
    platform                text        primary key check (platform in ('meta', 'google', 'tiktok', 'linkedin',
                                        'amazon', 'microsoft', 'snapchat', 'pinterest', 'reddit')),
    configured_token_sha256 text        not null check (configured_token_sha256 ~ '^[0-9a-f]{64}$'),
    ciphertext              bytea       not null,
    rotated_at              timestamptz not null default now()
);
