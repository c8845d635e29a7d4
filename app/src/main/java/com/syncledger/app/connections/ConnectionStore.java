package com.syncledger.app.connections;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.credentials.SealedTokenStore;
import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connections and their sealed tokens. Each token is sealed with AES-GCM under {@code SYNCLEDGER_SECRET_KEY},
 * bound to its row and column ({@code connection:<id>:access}), so a value cannot be moved to another row; the
 * row's {@code key_id} names the key, so during a key rotation either key opens it (see {@link SealingKeys}).
 */
@Component
public class ConnectionStore extends SealedTokenStore {

    public ConnectionStore(JdbcClient jdbc, Env env) {
        super(jdbc, env, "connection");
    }

    /**
     * Stores a new connection with the tokens of {@code grant}.
     *
     * @throws IllegalStateException when no {@code SYNCLEDGER_SECRET_KEY} is set: tokens are never stored in clear
     */
    public Connection create(Platform platform, String label, Grant grant, List<String> accountIds) {
        SealingKeys sealer = requireCipher();
        long id = jdbc.sql("""
                        insert into connection (platform, label, account_ids, scopes, key_id, access_expires_at,
                            refresh_expires_at)
                        values (?, ?, ?::text[], ?::text[], ?, ?, ?) returning id""")
                .params(platform.slug(), label, textArray(accountIds), textArray(grant.scopes()), sealer.currentKeyId(),
                        grant.accessExpiresAt().map(Timestamp::from).orElse(null),
                        grant.refreshExpiresAt().map(Timestamp::from).orElse(null))
                .query(Long.class).single();
        jdbc.sql("update connection set access_ciphertext = ?, refresh_ciphertext = ? where id = ?")
                .params(sealer.seal(grant.accessToken().reveal(), associatedData(id, "access")),
                        grant.refreshToken().map(token -> sealer.seal(token.reveal(), associatedData(id, "refresh")))
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
        SealingKeys sealer = requireCipher();
        return jdbc.sql("select access_ciphertext, refresh_ciphertext, key_id from connection where id = ?"
                        + " and access_ciphertext is not null")
                .param(id)
                .query((rs, row) -> {
                    String keyId = rs.getString(3);
                    return new ConnectionTokens(
                            Secret.of(sealer.open(rs.getBytes(1), associatedData(id, "access"), keyId)),
                            Optional.ofNullable(rs.getBytes(2))
                                    .map(sealed -> Secret.of(sealer.open(sealed, associatedData(id, "refresh"), keyId))));
                })
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

    /** The connections still holding tokens (revoked ones hold none) under another key than {@code keyId}. */
    @Override
    public List<SealedRow> rowsNotUnder(String keyId) {
        return jdbc.sql("""
                        select id, key_id, access_ciphertext, refresh_ciphertext from connection
                        where key_id <> ? and access_ciphertext is not null
                        order by id for update""")
                .param(keyId)
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    List<SealedValue> values = new ArrayList<>();
                    values.add(new SealedValue(associatedData(id, "access"), rs.getBytes(3)));
                    Optional.ofNullable(rs.getBytes(4))
                            .ifPresent(sealed -> values.add(new SealedValue(associatedData(id, "refresh"), sealed)));
                    return new SealedRow(Long.toString(id), rs.getString(2), values);
                })
                .list();
    }

    /** Stores the row's access token (and its refresh token, when it has one) re-sealed under {@code keyId}. */
    @Override
    public void store(SealedRow row, List<byte[]> resealed, String keyId) {
        jdbc.sql("""
                        update connection set access_ciphertext = ?, refresh_ciphertext = ?, key_id = ?, updated_at = now()
                        where id = ?""")
                .params(resealed.get(0), resealed.size() > 1 ? resealed.get(1) : null, keyId, Long.parseLong(row.id()))
                .update();
    }


    /**
     * The refresh token connection {@code id} holds now (the newest the platform rotated to); empty once revoked
     * or when the grant has none. Read before every refresh, so whichever process rotated it, the live one is sent.
     */
    public Optional<Secret> refreshToken(long id) {
        return tokens(id).flatMap(ConnectionTokens::refreshToken);
    }

    /**
     * Keeps the refresh token the platform rotated connection {@code id} to, sealed, in one committed statement:
     * when this returns the token survives a crash. A revoked connection stays wiped.
     */
    public void storeRotatedRefreshToken(long id, Secret refreshToken) {
        replaceTokens(id, held -> new ConnectionTokens(held.accessToken(), Optional.of(refreshToken)), "");
    }

    /**
     * Keeps a refreshed access token (and the refresh token, when the platform rotated it) with its expiry, in one
     * statement; the connection is active again. A revoked connection stays wiped.
     */
    public void storeRefreshed(long id, Secret accessToken, Optional<Instant> accessExpiresAt,
            Optional<Secret> rotatedRefreshToken) {
        replaceTokens(id, held -> new ConnectionTokens(accessToken, rotatedRefreshToken.or(held::refreshToken)),
                ", access_expires_at = :expires, status = 'active'",
                accessExpiresAt.map(Timestamp::from).orElse(null));
    }

    /**
     * Writes both tokens of connection {@code id}, sealed under the current key, from what the row holds now: a
     * row's tokens always share its key id, also while a key rotation is under way. The update applies only if the
     * row still holds what was read; when another process changed it meanwhile, it is read again.
     */
    private void replaceTokens(long id, java.util.function.UnaryOperator<ConnectionTokens> change, String moreSet,
            Object... expires) {
        SealingKeys sealer = requireCipher();
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<byte[]> heldAccess = jdbc.sql("select access_ciphertext from connection where id = ?"
                            + " and access_ciphertext is not null and status <> 'revoked'")
                    .param(id).query(byte[].class).optional();
            Optional<ConnectionTokens> held = heldAccess.flatMap(sealed -> tokens(id));
            if (held.isEmpty()) {
                return;
            }
            ConnectionTokens next = change.apply(held.get());
            var update = jdbc.sql("""
                            update connection set access_ciphertext = :access, refresh_ciphertext = :refresh,
                                key_id = :key, refreshed_at = now(), updated_at = now()""" + moreSet + """

                            where id = :id and status <> 'revoked' and access_ciphertext = :held""")
                    .param("access", sealer.seal(next.accessToken().reveal(), associatedData(id, "access")))
                    .param("refresh", next.refreshToken()
                            .map(token -> sealer.seal(token.reveal(), associatedData(id, "refresh"))).orElse(null))
                    .param("key", sealer.currentKeyId())
                    .param("id", id)
                    .param("held", heldAccess.get());
            if (expires.length > 0) {
                update = update.param("expires", expires[0]);
            }
            if (update.update() == 1) {
                return;
            }
        }
        throw new IllegalStateException("connection " + id + " kept changing while its tokens were stored");
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

    private SealingKeys requireCipher() {
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
}
