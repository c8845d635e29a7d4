package com.syncledger.app.connections;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the {@code state} of a browser authorization: 32 random bytes and their HMAC-SHA256 under a
 * key derived from {@code SYNCLEDGER_SECRET_KEY} (never the key itself, which seals tokens). A state that was
 * altered or made elsewhere is refused before any database work; only its SHA-256 digest is ever stored.
 */
final class ConnectStateSigner {

    private static final int NONCE_BYTES = 32;
    private static final byte[] PURPOSE = "syncledger connect state v1".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param secretKey the 32 bytes of {@code SYNCLEDGER_SECRET_KEY} */
    ConnectStateSigner(byte[] secretKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secretKey, "HmacSHA256"), PURPOSE), "HmacSHA256");
    }

    /** A fresh state: {@code <nonce>.<signature>}, both base64url. */
    String newState() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(hmac(key, nonce));
    }

    /** Whether {@code state} is one this server signed (compared in constant time). */
    boolean verify(String state) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot <= 0 || state.length() > 200) {
            return false;
        }
        try {
            byte[] nonce = Base64.getUrlDecoder().decode(state.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(state.substring(dot + 1));
            // Only the canonical spelling: base64 leaves spare bits in its last character, so another spelling of
            // the same bytes would verify here and then miss the stored digest.
            boolean canonical = state.equals(ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(signature));
            return canonical && nonce.length == NONCE_BYTES && MessageDigest.isEqual(signature, hmac(key, nonce));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** What is stored of a state: its SHA-256, in hex. */
    static String digest(String state) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ConnectStateSigner[HMAC-SHA256, key ****]";
    }
}
