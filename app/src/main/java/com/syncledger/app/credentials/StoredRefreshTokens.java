package com.syncledger.app.credentials;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps refresh tokens that platforms rotate, so access survives a restart even though the configured
 * token has stopped working, and every process sharing the database refreshes with the newest one. Tokens are stored encrypted (AES-GCM, {@code SYNCLEDGER_SECRET_KEY}); without
 * a key nothing is stored, and with stored tokens but no key the service refuses to start.
 */
@Component
public class StoredRefreshTokens implements Connectors.RotationSink {

    public static final String KEY_VARIABLE = "SYNCLEDGER_SECRET_KEY";
    private static final Logger log = LoggerFactory.getLogger(StoredRefreshTokens.class);

    private final JdbcClient jdbc;
    private final Env configured;
    private final TokenCipher cipher;

    public StoredRefreshTokens(JdbcClient jdbc, Env env) {
        this.jdbc = jdbc;
        this.configured = env;
        this.cipher = SecretKeySettings.fromEnv(env).cipher().orElse(null);
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
     * The token {@code platform} last rotated to, whichever process rotated it. Read before every refresh:
     * refreshes run under the sync lock (a sync, or a CLI command that talks to platforms), so no other process
     * rotates between this read and the refresh.
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
                insert into stored_refresh_token (platform, configured_token_sha256, ciphertext) values (?, ?, ?)
                on conflict (platform) do update set configured_token_sha256 = excluded.configured_token_sha256,
                    ciphertext = excluded.ciphertext, rotated_at = now()""")
                .params(platform.slug(), sha256(original), cipher.encrypt(refreshToken.reveal(), platform.slug()))
                .update();
        log.info("{} rotated its refresh token; the new one is stored encrypted", platform.displayName());
    }

    private Optional<String> storedFor(String variable) {
        if (cipher == null) {
            return Optional.empty();
        }
        for (Platform platform : Platform.values()) {
            if (refreshTokenVariable(platform).equals(variable)) {
                Secret original = configured.secret(variable);
                return original == null ? Optional.empty() : jdbc.sql("""
                                select ciphertext from stored_refresh_token
                                where platform = ? and configured_token_sha256 = ?""")
                        .params(platform.slug(), sha256(original))
                        .query(byte[].class).optional()
                        .map(sealed -> cipher.decrypt(sealed, platform.slug()));
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

    @Override
    public String toString() {
        return "StoredRefreshTokens[" + (cipher == null ? "no key" : "AES-GCM") + "]";
    }
}
