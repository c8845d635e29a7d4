package com.syncledger.app.connections;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;

/**
 * The settings a connection's connector (or refresher) is built from: the environment, with the platform's access
 * and refresh token variables replaced by the connection's tokens. Client id and secret, URLs and API version still
 * come from the environment; a refresh token the connection lacks is unset, never the environment's.
 */
public final class ConnectionEnv {

    private ConnectionEnv() {
    }

    public static Env overlay(Env env, Platform platform, ConnectionTokens tokens) {
        String accessVariable = accessTokenVariable(platform);
        String refreshVariable = PlatformCredentials.refreshTokenVar(platform);
        String access = tokens.accessToken().reveal();
        String refresh = tokens.refreshToken().map(Secret::reveal).orElse(null);
        return name -> name.equals(accessVariable) ? access : name.equals(refreshVariable) ? refresh : env.raw(name);
    }

    /** The platform's access token variable, e.g. {@code LINKEDIN_ACCESS_TOKEN}. */
    public static String accessTokenVariable(Platform platform) {
        return Connectors.factory(platform).variableNames().accessToken();
    }
}
