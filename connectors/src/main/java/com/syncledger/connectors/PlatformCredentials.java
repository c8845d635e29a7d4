package com.syncledger.connectors;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.util.List;

/**
 * Which environment variables make a platform configured, as each platform's {@link PlatformFactory} says.
 * A platform without a factory is never configured.
 */
public final class PlatformCredentials {

    private PlatformCredentials() {
    }

    /** The prefix of the platform's variables, e.g. {@code GOOGLE_ADS} for {@code GOOGLE_ADS_REFRESH_TOKEN}. */
    public static String prefix(Platform platform) {
        return names(platform).prefix();
    }

    public static boolean configured(Platform platform, Env env) {
        return Connectors.implemented().contains(platform) && Connectors.factory(platform).configured(env);
    }

    /** The variables an operator sets for the platform, for help texts. */
    public static List<String> variables(Platform platform) {
        return Connectors.factory(platform).variables();
    }

    public static String clientIdVar(Platform platform) {
        return names(platform).clientId();
    }

    public static String clientSecretVar(Platform platform) {
        return names(platform).clientSecret();
    }

    public static String baseUrlVar(Platform platform) {
        return names(platform).baseUrl();
    }

    /** Google's token variable is {@code GOOGLE_TOKEN_URL}, not {@code GOOGLE_ADS_TOKEN_URL}. */
    public static String tokenUrlVar(Platform platform) {
        return names(platform).tokenUrl();
    }

    public static String refreshTokenVar(Platform platform) {
        return names(platform).refreshToken();
    }

    private static PlatformVariables names(Platform platform) {
        return Connectors.factory(platform).variableNames();
    }
}
