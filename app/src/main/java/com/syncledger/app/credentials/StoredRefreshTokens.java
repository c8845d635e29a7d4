package com.syncledger.app.credentials;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps refresh tokens that platforms rotate, so access survives a restart even though the configured
 * token has stopped working, and every process sharing the database refreshes with the newest one. Tokens are
 * stored encrypted (AES-GCM, {@code SYNCLEDGER_SECRET_KEY}, see {@link SealingKeys}); without a key nothing is
 * stored, and with stored tokens but no key the service refuses to start.
 * <p>
 * A refresh of a kept token runs under a PostgreSQL advisory lock on the credential, taken in its own
 * transaction on one pooled connection that also reads the newest token and keeps the rotated one: two
 * processes never send the same rotating token, and the second one refreshes with what the first stored.
 */
@Component
public class StoredRefreshTokens extends SealedTokenStore implements Connectors.RotationSink {

    public static final String KEY_VARIABLE = SealingKeys.KEY_VARIABLE;
    private static final Logger log = LoggerFactory.getLogger(StoredRefreshTokens.class);

    /** The advisory lock class of refresh locks; the credential's hash is the second key. */
    private static final int REFRESH_LOCK = 0x52465348;
    /** How long a refresh waits for another process's refresh of the same credential (one token exchange). */
    static final Duration REFRESH_LOCK_WAIT = Duration.ofSeconds(30);

    private final Env configured;
    private final TransactionTemplate refreshTransaction;

    public StoredRefreshTokens(JdbcClient jdbc, Env env, PlatformTransactionManager transactions) {
        super(jdbc, env, "stored_refresh_token");
        this.configured = env;
        this.refreshTransaction = new TransactionTemplate(transactions);
        // Its own transaction: the lock is released, and the rotated token committed, when the refresh ends.
        refreshTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (cipher == null && storedCount() > 0) {
            throw new IllegalStateException("the database holds encrypted refresh tokens but " + KEY_VARIABLE
                    + " is not set; set the key they were stored with");
        }
    }

    /**
     * {@code env} with each platform's refresh token replaced by the one it rotated to, as long as the
     * configured token is still the one that rotation started from (a newly configured token wins).
     */
    public Env overlay(Env env) {
        return name -> storedFor(name).orElseGet(() -> env.raw(name));
    }

    /**
     * The token {@code platform} last rotated to, whichever process rotated it. Read before every refresh, inside
     * {@link #exclusively}, so no other process rotates between this read and the refresh.
     */
    @Override
    public Optional<Secret> latest(Platform platform) {
        return storedFor(refreshTokenVariable(platform)).map(Secret::of);
    }

    @Override
    public void rotated(Platform platform, Secret refreshToken) {
        Secret original = configured.secret(refreshTokenVariable(platform));
        if (cipher == null || original == null) {
            log.warn("{} rotated its refresh token; set {} to keep it across restarts", platform.displayName(),
                    KEY_VARIABLE);
            return;
        }
        jdbc.sql("""
                insert into stored_refresh_token (platform, configured_token_sha256, ciphertext, key_id)
                values (?, ?, ?, ?)
                on conflict (platform) do update set configured_token_sha256 = excluded.configured_token_sha256,
                    ciphertext = excluded.ciphertext, key_id = excluded.key_id, rotated_at = now()""")
                .params(platform.slug(), sha256(original), cipher.seal(refreshToken.reveal(), platform.slug()),
                        cipher.currentKeyId())
                .update();
        log.info("{} rotated its refresh token; the new one is stored encrypted", platform.displayName());
    }

    @Override
    public List<SealedRow> rowsNotUnder(String keyId) {
        return jdbc.sql("""
                        select platform, key_id, ciphertext from stored_refresh_token
                        where key_id is distinct from ? order by platform for update""")
                .param(keyId)
                .query((rs, row) -> new SealedRow(rs.getString(1), rs.getString(2),
                        List.of(new SealedValue(rs.getString(1), rs.getBytes(3)))))
                .list();
    }

    @Override
    public void store(SealedRow row, List<byte[]> resealed, String keyId) {
        jdbc.sql("update stored_refresh_token set ciphertext = ?, key_id = ? where platform = ?")
                .params(resealed.getFirst(), keyId, row.id()).update();
    }

    /**
     * Runs {@code refresh} holding the credential's refresh lock, waiting at most {@link #REFRESH_LOCK_WAIT} for
     * another process's refresh. {@link #latest} and {@link #rotated} inside it use the lock's connection, so
     * the rotated token is committed before the lock is released. Without a key nothing is shared: it just runs.
     *
     * @throws ConnectorException.Transient when another process held the lock for the whole wait
     */
    @Override
    public <T> T exclusively(Platform platform, Supplier<T> refresh) {
        if (cipher == null) {
            return refresh.get();
        }
        return refreshTransaction.execute(tx -> {
            try {
                jdbc.sql("select set_config('lock_timeout', ?, true)")
                        .param(REFRESH_LOCK_WAIT.toMillis() + "ms").query(String.class).single();
                jdbc.sql("select true from pg_advisory_xact_lock(?, hashtext(?)) x")
                        .params(REFRESH_LOCK, lockKey(platform)).query(Boolean.class).single();
            } catch (PessimisticLockingFailureException e) {
                throw new ConnectorException.Transient(ConnectorException.Details.of(platform, "another process is "
                        + "refreshing the " + platform.displayName() + " refresh token; try again"));
            }
            return refresh.get();
        });
    }

    /** The credential a refresh lock guards: one per platform, as the kept tokens are (one row per platform). */
    private static String lockKey(Platform platform) {
        return "refresh-token:" + platform.slug();
    }

    private Optional<String> storedFor(String variable) {
        if (cipher == null) {
            return Optional.empty();
        }
        for (Platform platform : Platform.values()) {
            if (refreshTokenVariable(platform).equals(variable)) {
                Secret original = configured.secret(variable);
                return original == null ? Optional.empty() : jdbc.sql("""
                                select ciphertext, key_id from stored_refresh_token
                                where platform = ? and configured_token_sha256 = ?""")
                        .params(platform.slug(), sha256(original))
                        .query((rs, row) -> cipher.open(rs.getBytes(1), platform.slug(), rs.getString(2)))
                        .optional();
            }
        }
        return Optional.empty();
    }

    private long storedCount() {
        // The table does not exist before the migrations ran (e.g. `db status` on a new database).
        Boolean exists = jdbc.sql("select to_regclass('stored_refresh_token') is not null").query(Boolean.class).single();
        return Boolean.TRUE.equals(exists)
                ? jdbc.sql("select count(*) from stored_refresh_token").query(Long.class).single() : 0;
    }

    private static String refreshTokenVariable(Platform platform) {
        return PlatformCredentials.refreshTokenVar(platform);
    }

    private static String sha256(Secret token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
