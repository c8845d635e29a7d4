-- Connections: one client's authorization of the agency's app on one platform. Tokens are sealed with
-- AES-GCM under SYNCLEDGER_SECRET_KEY (key_id says which key; a rotation re-seals every row in one
-- transaction). An account linked without a connection uses the platform's credentials from the environment.
create table connection (
    id                 bigint generated always as identity primary key,
    platform           text        not null check (platform in ('meta', 'google', 'tiktok', 'linkedin',
                                   'amazon', 'microsoft', 'snapchat', 'pinterest', 'reddit')),
    label              text        not null check (length(btrim(label)) between 1 and 200),
    -- The ad accounts the token could reach when it was granted (canonical AccountId values).
    account_ids        text[]      not null default '{}',
    scopes             text[]      not null default '{}',
    key_id             text        not null,
    access_ciphertext  bytea,
    refresh_ciphertext bytea,
    issued_at          timestamptz not null default now(),
    -- When the access token and the refresh token stop working; null when the platform gives no end.
    access_expires_at  timestamptz,
    refresh_expires_at timestamptz,
    status             text        not null default 'active'
                                   check (status in ('active', 'expiring', 'expired', 'revoked')),
    last_used_at       timestamptz,
    revoked_at         timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    -- A revoked connection keeps no token.
    constraint connection_revoked_wiped check (status <> 'revoked'
                                               or (access_ciphertext is null and refresh_ciphertext is null))
);

-- The account's authorization; null means the platform's credentials from the environment.
alter table ad_account add column connection_id bigint references connection (id);
create index ad_account_connection on ad_account (connection_id) where connection_id is not null;

-- The state of a browser authorization under way: single use (deleted when its callback arrives), short-lived,
-- and holding the PKCE verifier so it never leaves the server.
create table connect_state (
    state_digest  text        primary key check (state_digest ~ '^[0-9a-f]{64}$'),
    platform      text        not null,
    label         text        not null,
    store_id      bigint      references store (id),
    code_verifier text,
    redirect_uri  text        not null,
    created_by    text,
    expires_at    timestamptz not null,
    created_at    timestamptz not null default now()
);
