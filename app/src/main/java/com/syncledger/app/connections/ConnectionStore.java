package com.syncledger.app.connections;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.credentials.TokenCipher;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connections and their sealed tokens. Each token is sealed with AES-GCM under {@code SYNCLEDGER_SECRET_KEY},
 * bound to its row and column ({@code connection:<id>:access}), so a value cannot be moved to another row.
 */
@Component
public class ConnectionStore {

    private final JdbcClient jdbc;
    private final TokenCipher cipher;

    public ConnectionStore(JdbcClient jdbc, Env env) {
        this.jdbc = jdbc;
        this.cipher = env.get(StoredRefreshTokens.KEY_VARIABLE).map(TokenCipher::fromBase64).orElse(null);
    }

    /**
     * Stores a new connection with the tokens of {@code grant}.
     *
     * @throws IllegalStateException when no {@code SYNCLEDGER_SECRET_KEY} is set: tokens are never stored in clear
     */
    public Connection create(Platform platform, String label, Grant grant, List<String> accountIds) {
        TokenCipher sealer = requireCipher();
        long id = jdbc.sql("""
                        insert into connection (platform, label, account_ids, scopes, key_id, access_expires_at,
                            refresh_expires_at)
                        values (?, ?, ?::text[], ?::text[], ?, ?, ?) returning id""")
                .params(platform.slug(), label, textArray(accountIds), textArray(grant.scopes()), sealer.keyId(),
                        grant.accessExpiresAt().map(Timestamp::from).orElse(null),
                        grant.refreshExpiresAt().map(Timestamp::from).orElse(null))
                .query(Long.class).single();
        jdbc.sql("update connection set access_ciphertext = ?, refresh_ciphertext = ? where id = ?")
                .params(sealer.encrypt(grant.accessToken().reveal(), associatedData(id, "access")),
                        grant.refreshToken().map(token -> sealer.encrypt(token.reveal(), associatedData(id, "refresh")))
                                .orElse(null),
                        id)
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Connection> find(long id) {
        return jdbc.sql("select * from connection where id = ?").param(id).query(ConnectionStore::connection).optional();
    }

    public List<Connection> list() {
        return jdbc.sql("select * from connection order by id").query(ConnectionStore::connection).list();
    }

    /** The connection's tokens, unsealed; empty once it is revoked. */
    public Optional<ConnectionTokens> tokens(long id) {
        TokenCipher sealer = requireCipher();
        return jdbc.sql("select access_ciphertext, refresh_ciphertext from connection where id = ?"
                        + " and access_ciphertext is not null")
                .param(id)
                .query((rs, row) -> new ConnectionTokens(
                        Secret.of(sealer.decrypt(rs.getBytes(1), associatedData(id, "access"))),
                        Optional.ofNullable(rs.getBytes(2))
                                .map(sealed -> Secret.of(sealer.decrypt(sealed, associatedData(id, "refresh"))))))
                .optional();
    }

    /**
     * Makes {@code connectionId} the authorization that ad account row {@code adAccountId} is fetched with.
     *
     * @throws IllegalArgumentException when either is unknown, or the connection is on another platform
     */
    public void assign(long adAccountId, long connectionId) {
        int updated = jdbc.sql("""
                        update ad_account a set connection_id = c.id from connection c
                        where a.id = ? and c.id = ? and c.platform = a.platform""")
                .params(adAccountId, connectionId).update();
        if (updated != 1) {
            throw new IllegalArgumentException("ad account " + adAccountId + " cannot use connection " + connectionId
                    + ": unknown, or on another platform");
        }
    }

    /**
     * The refresh token connection {@code id} holds now (the newest the platform rotated to); empty once revoked
     * or when the grant has none. Read before every refresh, so whichever process rotated it, the live one is sent.
     */
    public Optional<Secret> refreshToken(long id) {
        TokenCipher sealer = requireCipher();
        return jdbc.sql("select refresh_ciphertext from connection where id = ? and refresh_ciphertext is not null")
                .param(id).query(byte[].class).optional()
                .map(sealed -> Secret.of(sealer.decrypt(sealed, associatedData(id, "refresh"))));
    }

    /**
     * Keeps the refresh token the platform rotated connection {@code id} to, sealed, in one committed statement:
     * when this returns the token survives a crash. A revoked connection stays wiped.
     */
    public void storeRotatedRefreshToken(long id, Secret refreshToken) {
        jdbc.sql("""
                        update connection set refresh_ciphertext = ?, key_id = ?, refreshed_at = now(),
                            updated_at = now()
                        where id = ? and status <> 'revoked'""")
                .params(requireCipher().encrypt(refreshToken.reveal(), associatedData(id, "refresh")),
                        requireCipher().keyId(), id)
                .update();
    }

    /**
     * Keeps a refreshed access token (and the refresh token, when the platform rotated it) with its expiry, in one
     * statement; the connection is active again. A revoked connection stays wiped.
     */
    public void storeRefreshed(long id, Secret accessToken, Optional<Instant> accessExpiresAt,
            Optional<Secret> rotatedRefreshToken) {
        TokenCipher sealer = requireCipher();
        jdbc.sql("""
                        update connection set access_ciphertext = ?,
                            refresh_ciphertext = coalesce(?, refresh_ciphertext), access_expires_at = ?,
                            key_id = ?, status = 'active', refreshed_at = now(), updated_at = now()
                        where id = ? and status <> 'revoked'""")
                .params(sealer.encrypt(accessToken.reveal(), associatedData(id, "access")),
                        rotatedRefreshToken.map(t -> sealer.encrypt(t.reveal(), associatedData(id, "refresh")))
                                .orElse(null),
                        accessExpiresAt.map(Timestamp::from).orElse(null), sealer.keyId(), id)
                .update();
    }

    /** An account fetch with connection {@code id} succeeded now: its tokens work, so it is no longer expired. */
    public void markUsed(long id) {
        jdbc.sql("""
                        update connection set last_used_at = now(),
                            status = case when status = 'expired' then 'active' else status end
                        where id = ?""")
                .param(id).update();
    }

    /**
     * The platform refused connection {@code id}'s tokens (revoked on its side, or lapsed): {@code expired} until
     * the client authorizes again. A connection the operator revoked stays revoked.
     */
    public void markExpired(long id) {
        jdbc.sql("update connection set status = 'expired', updated_at = now() where id = ? and status <> 'revoked'")
                .param(id).update();
    }

    /**
     * Revokes connection {@code id}: both tokens wiped, status {@code revoked}. Its accounts stay linked and are
     * reported {@code not_configured} until linked with another connection.
     *
     * @return the revoked connection; empty when unknown
     */
    public Optional<Connection> revoke(long id) {
        jdbc.sql("""
                        update connection set access_ciphertext = null, refresh_ciphertext = null, status = 'revoked',
                            revoked_at = coalesce(revoked_at, now()), updated_at = now()
                        where id = ?""")
                .param(id).update();
        return find(id);
    }

    /** What a sealed token of connection {@code id} is bound to; {@code column} is {@code access} or {@code refresh}. */
    public static String associatedData(long id, String column) {
        return "connection:" + id + ":" + column;
    }

    private TokenCipher requireCipher() {
        if (cipher == null) {
            throw new IllegalStateException(
                    "connections keep tokens encrypted; set " + StoredRefreshTokens.KEY_VARIABLE + " (openssl rand -base64 32)");
        }
        return cipher;
    }

    private static String textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (String value : values) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    private static Connection connection(ResultSet rs, int row) throws SQLException {
        return new Connection(rs.getLong("id"), Platform.fromSlug(rs.getString("platform")), rs.getString("label"),
                strings(rs.getArray("account_ids")), strings(rs.getArray("scopes")),
                rs.getTimestamp("issued_at").toInstant(), instant(rs, "access_expires_at"),
                instant(rs, "refresh_expires_at"), Connection.Status.fromWire(rs.getString("status")),
                instant(rs, "last_used_at"), instant(rs, "refreshed_at"), rs.getBytes("refresh_ciphertext") != null);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    @Override
    public String toString() {
        return "ConnectionStore[" + (cipher == null ? "no key" : "AES-GCM") + "]";
    }
}
