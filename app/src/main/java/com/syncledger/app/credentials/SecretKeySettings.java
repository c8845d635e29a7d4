package com.syncledger.app.credentials;

import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.config.SettingsBinder;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.util.Optional;

/**
 * The keys stored tokens are sealed with: {@code SYNCLEDGER_SECRET_KEY}, 32 random bytes, base64-encoded
 * ({@code openssl rand -base64 32}), and during a key rotation the key being replaced,
 * {@code SYNCLEDGER_SECRET_KEY_PREVIOUS}. Unset, nothing is stored sealed.
 */
public record SecretKeySettings(Secret secretKey, Secret secretKeyPrevious) {

    public static final String PROPERTIES = "syncledger.credentials";
    public static final SettingVariables VARIABLES = SettingVariables.NONE
            .with(PROPERTIES + ".secret-key", SealingKeys.KEY_VARIABLE)
            .with(PROPERTIES + ".secret-key-previous", SealingKeys.PREVIOUS_KEY_VARIABLE);

    /** @throws IllegalArgumentException naming the variable whose value is unusable */
    public static SecretKeySettings fromEnv(Env env) {
        return SettingsBinder.bind(env, PROPERTIES, SecretKeySettings.class, VARIABLES);
    }

    /**
     * The cipher of the current key; empty without one.
     *
     * @throws IllegalArgumentException when the key is not 32 bytes of base64
     */
    public Optional<TokenCipher> cipher() {
        return cipherOf(secretKey, SealingKeys.KEY_VARIABLE);
    }

    /** The cipher of the key a rotation replaces; empty without one. */
    Optional<TokenCipher> previousCipher() {
        return cipherOf(secretKeyPrevious, SealingKeys.PREVIOUS_KEY_VARIABLE);
    }

    private static Optional<TokenCipher> cipherOf(Secret key, String variable) {
        try {
            return Optional.ofNullable(key).map(value -> TokenCipher.fromBase64(value.reveal()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(SealingKeys.KEY_VARIABLE, variable));
        }
    }
}
