package com.syncledger.app.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A freshly generated API key: 256 random bits, prefixed {@code slk_} so that secret scanners and people
 * recognise it. Only {@link #entry()} (its hash) belongs in the configuration; the key itself is shown once.
 */
public record NewApiKey(String key, Role role) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static NewApiKey generate(Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new NewApiKey("slk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), role);
    }

    /** The {@code SYNCLEDGER_API_KEYS} entry that accepts this key. */
    public String entry() {
        return role.slug() + ":" + HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Override
    public String toString() {
        return "NewApiKey[role=" + role.slug() + ", key=****]";
    }
}
