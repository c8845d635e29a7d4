package com.syncledger.connectors;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The names of a platform's credential variables: {@code <PREFIX>_ACCESS_TOKEN}, {@code _REFRESH_TOKEN},
 * {@code _BASE_URL}, the client id and secret and the token URL, which a few platforms spell their own way.
 */
public record PlatformVariables(Platform platform, String prefix, String clientId, String clientSecret,
        String tokenUrl) {

    /** {@code <NAME>_CLIENT_ID}, {@code <NAME>_CLIENT_SECRET}, {@code <NAME>_TOKEN_URL} with the enum name. */
    public static PlatformVariables standard(Platform platform) {
        String name = platform.name();
        return new PlatformVariables(platform, name, name + "_CLIENT_ID", name + "_CLIENT_SECRET",
                name + "_TOKEN_URL");
    }

    public String accessToken() {
        return prefix + "_ACCESS_TOKEN";
    }

    public String refreshToken() {
        return prefix + "_REFRESH_TOKEN";
    }

    public String baseUrl() {
        return prefix + "_BASE_URL";
    }

    public String apiVersion() {
        return prefix + "_API_VERSION";
    }

    /** The consent page's URL variable, named like the token URL's: {@code <NAME>_AUTHORIZE_URL}. */
    public String authorizeUrl() {
        return tokenUrl.replaceFirst("_TOKEN_URL$", "") + "_AUTHORIZE_URL";
    }

    /** The configured consent page's URL, or {@code defaultUrl} as written. */
    public URI authorizeUrl(Env env, String defaultUrl) {
        // The documented URL is kept as written (Pinterest's ends in a slash, which a configured URL loses).
        return env.has(authorizeUrl()) ? env.url(authorizeUrl(), defaultUrl) : URI.create(defaultUrl);
    }

    /** The client id and secret a client's consent is asked for and exchanged with. */
    public boolean hasClient(Env env) {
        return env.has(clientId) && env.has(clientSecret);
    }

    /** The configured base URL, or {@code defaultUrl}. */
    public URI baseUrl(Env env, String defaultUrl) {
        return env.url(baseUrl(), defaultUrl);
    }

    /** The configured API version, or {@code defaultVersion}. */
    public String apiVersion(Env env, String defaultVersion) {
        return env.getOrDefault(apiVersion(), defaultVersion);
    }

    /**
     * The configured API version, or {@code defaultVersion}, checked against {@code format}.
     *
     * @param expected what a valid version looks like, for the message, e.g. {@code "look like v1.3"}
     */
    public String apiVersion(Env env, String defaultVersion, Pattern format, String expected) {
        String version = apiVersion(env, defaultVersion);
        if (!format.matcher(version).matches()) {
            throw new IllegalArgumentException(apiVersion() + " must " + expected + ", not '" + version + "'");
        }
        return version;
    }

    /** The access token of a platform that cannot work without one. */
    public Secret requiredAccessToken(Env env) {
        Secret token = env.secret(accessToken());
        if (token == null) {
            throw new IllegalArgumentException(accessToken() + " is required for " + platform.displayName());
        }
        return token;
    }

    /** A refresh token with the client id and secret to use it. */
    public boolean refreshable(Env env) {
        return env.has(refreshToken()) && env.has(clientId) && env.has(clientSecret);
    }

    /** An access token, or what it takes to get one. */
    public boolean accessOrRefreshable(Env env) {
        return env.has(accessToken()) || refreshable(env);
    }

    /** The variables of a platform that needs nothing but an OAuth credential, for help texts. */
    public List<String> oauthHelp() {
        return List.of(clientId, clientSecret, refreshToken(),
                accessToken() + " (or the refresh token with client id and secret)", authorizeUrl() + " (optional)");
    }

    /** The variables that hold an OAuth credential. */
    public Set<String> oauthSecrets() {
        return Set.of(clientSecret, refreshToken(), accessToken());
    }

    /**
     * A refresher from these variables: client id and secret, refresh and access token, and the token URL
     * ({@code defaultTokenUrl} unless overridden); every refresh token the platform rotates to goes to
     * {@code onRotation}.
     */
    public OAuthRefresher.Builder refresher(Env env, String defaultTokenUrl, WireClient wire,
            Consumer<Secret> onRotation) {
        return OAuthRefresher.builder(platform, env.url(tokenUrl, defaultTokenUrl), wire)
                .onRotation(onRotation)
                .client(env.get(clientId).orElse(null), env.secret(clientSecret))
                .refreshToken(env.secret(refreshToken()))
                .accessToken(env.secret(accessToken()));
    }
}
