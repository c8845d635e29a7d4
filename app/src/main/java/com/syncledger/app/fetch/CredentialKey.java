package com.syncledger.app.fetch;

import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a platform credential's shared budget: the platform and a digest of the variables that say whose
 * credential it is (client id, developer token, API host) — not the client secret, and not the refresh token,
 * which the platform may rotate while the budget stays the same.
 */
final class CredentialKey {

    private CredentialKey() {
    }

    static String of(Platform platform, Env env) {
        String refreshToken = PlatformCredentials.refreshTokenVar(platform);
        String clientSecret = PlatformCredentials.clientSecretVar(platform);
        StringBuilder identity = new StringBuilder();
        for (String variable : PlatformCredentials.variables(platform)) {
            if (!variable.equals(refreshToken) && !variable.equals(clientSecret)) {
                identity.append(variable).append('=').append(env.get(variable).orElse("")).append('\n');
            }
        }
        env.get(PlatformCredentials.baseUrlVar(platform)).ifPresent(url -> identity.append("base=").append(url));
        return platform.slug() + ":" + sha256(identity.toString()).substring(0, 24);
    }

    /**
     * The key of a connection's budget: each client authorization is its own credential at the platform, so its
     * requests never spend another client's budget nor the environment credential's.
     */
    static String ofConnection(Platform platform, long connectionId) {
        return platform.slug() + ":connection:" + connectionId;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
