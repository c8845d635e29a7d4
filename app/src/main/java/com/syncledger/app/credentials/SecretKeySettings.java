package com.syncledger.app.credentials;

import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.config.SettingsBinder;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.util.Optional;

/**
 * The key stored tokens are sealed with, {@code SYNCLEDGER_SECRET_KEY}: 32 random bytes, base64-encoded
 * ({@code openssl rand -base64 32}). Unset, nothing is stored sealed.
 */
public record SecretKeySettings(Secret secretKey) {

    public static final String PROPERTIES = "syncledger.credentials";
    public static final SettingVariables VARIABLES = SettingVariables.NONE
            .with(PROPERTIES + ".secret-key", StoredRefreshTokens.KEY_VARIABLE);

    /** @throws IllegalArgumentException naming the variable whose value is unusable */
    public static SecretKeySettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, SecretKeySettings.class, VARIABLES);
    }

    /**
     * The cipher of the configured key; empty without one.
     *
     * @throws IllegalArgumentException when the key is not 32 bytes of base64
     */
    public Optional<TokenCipher> cipher() {
        return Optional.ofNullable(secretKey).map(key -> TokenCipher.fromBase64(key.reveal()));
    }
}
