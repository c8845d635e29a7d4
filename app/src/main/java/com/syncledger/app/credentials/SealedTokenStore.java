package com.syncledger.app.credentials;

import com.syncledger.connectors.wire.Env;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table whose tokens are sealed by the configured {@link SealingKeys} ({@code SYNCLEDGER_SECRET_KEY}): the
 * database it is in, the keys (none when no key is set) and its name for the key rotation.
 */
public abstract class SealedTokenStore implements SealedTokenTable {

    protected final JdbcClient jdbc;
    /** Null when no key is set: nothing can be sealed or opened. */
    protected final SealingKeys cipher;
    private final String table;

    protected SealedTokenStore(JdbcClient jdbc, Env env, String table) {
        this.jdbc = jdbc;
        this.cipher = SealingKeys.fromEnv(env).orElse(null);
        this.table = table;
    }

    @Override
    public final String table() {
        return table;
    }

    /** Says whether a key is set, never what it is. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (cipher == null ? "no key" : "AES-GCM") + "]";
    }
}
