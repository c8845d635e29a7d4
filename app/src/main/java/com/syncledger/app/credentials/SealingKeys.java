package com.syncledger.app.credentials;

import com.syncledger.connectors.wire.Env;
import java.util.Optional;

/**
 * The at-rest keys: the current one ({@code SYNCLEDGER_SECRET_KEY}), which seals every new value, and during a
 * key rotation the previous one ({@code SYNCLEDGER_SECRET_KEY_PREVIOUS}), which only opens values not yet
 * re-sealed. A value is opened with the key its row names ({@link TokenCipher#keyId}), or, when the row names
 * none, with the current key and then the previous one.
 */
public final class SealingKeys {

    public static final String KEY_VARIABLE = "SYNCLEDGER_SECRET_KEY";
    public static final String PREVIOUS_KEY_VARIABLE = "SYNCLEDGER_SECRET_KEY_PREVIOUS";

    private final TokenCipher current;
    private final TokenCipher previous;

    SealingKeys(TokenCipher current, TokenCipher previous) {
        this.current = current;
        this.previous = previous;
    }

    /**
     * The keys configured in {@code env}; empty when no current key is set.
     *
     * @throws IllegalArgumentException when a key is malformed, or a previous key is set without a current one
     */
    public static Optional<SealingKeys> fromEnv(Env env) {
        SecretKeySettings settings = SecretKeySettings.fromEnv(env);
        Optional<TokenCipher> current = settings.cipher();
        TokenCipher previous = settings.previousCipher().orElse(null);
        if (current.isEmpty() && previous != null) {
            throw new IllegalArgumentException(PREVIOUS_KEY_VARIABLE + " is set without " + KEY_VARIABLE
                    + "; set the new key in " + KEY_VARIABLE);
        }
        return current.map(key -> new SealingKeys(key, previous));
    }

    /** The key id new values are sealed under. */
    public String currentKeyId() {
        return current.keyId();
    }

    public Optional<String> previousKeyId() {
        return Optional.ofNullable(previous).map(TokenCipher::keyId);
    }

    /** Seals {@code plaintext} under the current key. */
    public byte[] seal(String plaintext, String associatedData) {
        return current.encrypt(plaintext, associatedData);
    }

    /**
     * Opens a stored value.
     *
     * @param keyId the key id stored with the value; null when the row does not say
     * @throws IllegalStateException naming the key id (never a key or a value) when neither key opens it
     */
    public String open(byte[] sealed, String associatedData, String keyId) {
        if (keyId != null) {
            TokenCipher named = keyId.equals(current.keyId()) ? current
                    : previous != null && keyId.equals(previous.keyId()) ? previous : null;
            if (named == null) {
                throw new IllegalStateException("a stored token was sealed with key " + keyId + ", which is neither "
                        + KEY_VARIABLE + " (key " + current.keyId() + ")"
                        + (previous == null ? " nor a " + PREVIOUS_KEY_VARIABLE
                                : " nor " + PREVIOUS_KEY_VARIABLE + " (key " + previous.keyId() + ")"));
            }
            return named.decrypt(sealed, associatedData);
        }
        try {
            return current.decrypt(sealed, associatedData);
        } catch (IllegalStateException notCurrent) {
            if (previous == null) {
                throw notCurrent;
            }
            try {
                return previous.decrypt(sealed, associatedData);
            } catch (IllegalStateException notPrevious) {
                throw new IllegalStateException("a stored token opens with neither " + KEY_VARIABLE + " nor "
                        + PREVIOUS_KEY_VARIABLE + ": wrong keys or altered data");
            }
        }
    }

    /** Whether a value stored with {@code keyId} is already under the current key. */
    public boolean isCurrent(String keyId) {
        return current.keyId().equals(keyId);
    }

    @Override
    public String toString() {
        return "SealingKeys[AES-256-GCM, current key " + current.keyId()
                + (previous == null ? "" : ", previous key " + previous.keyId()) + "]";
    }
}
