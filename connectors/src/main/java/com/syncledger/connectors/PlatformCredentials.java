package com.syncledger.connectors;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which environment variables make a platform configured. A platform is configured when it has an access
 * token, or a refresh token with the client id and secret to use it; some platforms need more.
 */
public final class PlatformCredentials {

    private PlatformCredentials() {
    }

    /** The prefix of the platform's variables, e.g. {@code GOOGLE_ADS} for {@code GOOGLE_ADS_REFRESH_TOKEN}. */
    public static String prefix(Platform platform) {
        return platform == Platform.GOOGLE ? "GOOGLE_ADS" : platform.name();
    }

    public static boolean configured(Platform platform, Env env) {
        String p = prefix(platform);
        boolean refreshable = env.has(p + "_REFRESH_TOKEN") && env.has(clientIdVar(platform))
                && env.has(clientSecretVar(platform));
        boolean accessOrRefresh = env.has(p + "_ACCESS_TOKEN") || refreshable;
        return switch (platform) {
            case META -> env.has("META_ACCESS_TOKEN");
            case GOOGLE -> env.has("GOOGLE_ADS_DEVELOPER_TOKEN") && refreshable;
            case TIKTOK -> env.has("TIKTOK_ACCESS_TOKEN");
            // Amazon sends the client id on every call, so it is needed even with an access token.
            case AMAZON -> env.has("AMAZON_CLIENT_ID") && accessOrRefresh;
            // Microsoft's client secret is optional (public clients), the developer token and customer id are not.
            case MICROSOFT -> env.has("MICROSOFT_DEVELOPER_TOKEN") && env.has("MICROSOFT_CUSTOMER_ID")
                    && (env.has("MICROSOFT_ACCESS_TOKEN")
                        || (env.has("MICROSOFT_REFRESH_TOKEN") && env.has("MICROSOFT_CLIENT_ID")));
            case LINKEDIN, SNAPCHAT, PINTEREST, REDDIT -> accessOrRefresh;
        };
    }

    /** The variables an operator sets for the platform, for help texts. */
    public static List<String> variables(Platform platform) {
        return switch (platform) {
            case META -> List.of("META_ACCESS_TOKEN", "META_APP_SECRET (optional)");
            case GOOGLE -> List.of("GOOGLE_ADS_DEVELOPER_TOKEN", "GOOGLE_ADS_CLIENT_ID", "GOOGLE_ADS_CLIENT_SECRET",
                    "GOOGLE_ADS_REFRESH_TOKEN", "GOOGLE_ADS_LOGIN_CUSTOMER_ID (optional)");
            case TIKTOK -> List.of("TIKTOK_ACCESS_TOKEN", "TIKTOK_APP_ID (optional)", "TIKTOK_APP_SECRET (optional)");
            case MICROSOFT -> List.of("MICROSOFT_DEVELOPER_TOKEN", "MICROSOFT_CUSTOMER_ID", "MICROSOFT_CLIENT_ID",
                    "MICROSOFT_CLIENT_SECRET (optional)", "MICROSOFT_REFRESH_TOKEN", "MICROSOFT_ACCESS_TOKEN (optional)");
            default -> List.of(clientIdVar(platform), clientSecretVar(platform), prefix(platform) + "_REFRESH_TOKEN",
                    prefix(platform) + "_ACCESS_TOKEN (or the refresh token with client id and secret)");
        };
    }

    public static String clientIdVar(Platform platform) {
        return platform == Platform.PINTEREST ? "PINTEREST_APP_ID" : prefix(platform) + "_CLIENT_ID";
    }

    public static String clientSecretVar(Platform platform) {
        return platform == Platform.PINTEREST ? "PINTEREST_APP_SECRET" : prefix(platform) + "_CLIENT_SECRET";
    }

    public static String baseUrlVar(Platform platform) {
        return prefix(platform) + "_BASE_URL";
    }

    /** Google's token variable is {@code GOOGLE_TOKEN_URL}, not {@code GOOGLE_ADS_TOKEN_URL}. */
    public static String tokenUrlVar(Platform platform) {
        return platform.name() + "_TOKEN_URL";
    }

    /**
     * The platform's OAuth refresher from its standard variables: client id and secret, refresh and access
     * token, and the token URL ({@code defaultTokenUrl} unless overridden).
     */
    public static OAuthRefresher refresher(Platform platform, Env env, String defaultTokenUrl,
            OAuthRefresher.ClientAuth clientAuth, WireClient wire, Consumer<Secret> onRotation) {
        String p = prefix(platform);
        return new OAuthRefresher(platform, env.url(tokenUrlVar(platform), defaultTokenUrl),
                env.get(clientIdVar(platform)).orElse(null), env.secret(clientSecretVar(platform)),
                env.secret(p + "_REFRESH_TOKEN"), env.secret(p + "_ACCESS_TOKEN"), clientAuth, Map.of(), Map.of(),
                wire, Clock.systemUTC(), onRotation);
    }
}
