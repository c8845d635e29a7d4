package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code connect_state} rows: one per authorization under way, keyed by the state's digest (the state itself
 * is never stored), taken exactly once by {@link #consume}.
 */
@Component
class ConnectStates {

    /** How long a user has between opening the consent page and coming back. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    ConnectStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(String digest, Platform platform, String label, Long storeId, String codeVerifier, URI redirectUri,
            String createdBy) {
        // States nobody came back for are dropped here, a day after they lapsed, rather than by a job.
        jdbc.sql("delete from connect_state where expires_at < now() - interval '1 day'").update();
        jdbc.sql("""
                        insert into connect_state (state_digest, platform, label, store_id, code_verifier, redirect_uri,
                            created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))""")
                .params(digest, platform.slug(), label, storeId, codeVerifier, redirectUri.toString(), createdBy,
                        LIFETIME.toSeconds())
                .update();
    }

    /**
     * Takes the state's row in one statement, so two callbacks with the same state cannot both find it; expiry is
     * judged by the database's clock, the one that set it.
     */
    Optional<PendingConnect> consume(String digest) {
        return jdbc.sql("""
                        delete from connect_state where state_digest = ?
                        returning platform, label, store_id, code_verifier, redirect_uri, expires_at <= now() as expired""")
                .param(digest)
                .query((rs, row) -> new PendingConnect(Platform.fromSlug(rs.getString("platform")),
                        rs.getString("label"), Optional.ofNullable((Long) rs.getObject("store_id", Long.class)),
                        Optional.ofNullable(rs.getString("code_verifier")), URI.create(rs.getString("redirect_uri")),
                        rs.getBoolean("expired")))
                .optional();
    }
}
