-- When a connection's tokens were last refreshed: a refresh token that lapses when unused (Microsoft, Pinterest,
-- Google) runs out a fixed time after its last use, so its expected end is counted from here.
alter table connection add column refreshed_at timestamptz;
