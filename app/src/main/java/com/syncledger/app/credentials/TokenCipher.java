package com.syncledger.app.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest. Each value gets a fresh 96-bit nonce, stored in front of the
 * ciphertext; the platform slug is bound in as associated data, so a value cannot be moved to another row.
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyIdOf(key);
    }

    /** Names the key without revealing it (the first 16 hex digits of its SHA-256), stored beside what it sealed. */
    public String keyId() {
        return keyId;
    }

    private static String keyIdOf(byte[] key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param base64Key 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32})
     * @throws IllegalArgumentException when the key is not 32 bytes of base64
     */
    public static TokenCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SYNCLEDGER_SECRET_KEY must be base64 (e.g. openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("SYNCLEDGER_SECRET_KEY must decode to 32 bytes, not " + key.length);
        }
        return new TokenCipher(key);
    }

    public byte[] encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** @throws IllegalStateException when the value was altered, or sealed with another key or associated data */
    public String decrypt(byte[] stored, String associatedData) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(stored, NONCE_BYTES), associatedData);
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("a stored token cannot be decrypted: wrong SYNCLEDGER_SECRET_KEY or altered data");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, key ****]";
    }
}
