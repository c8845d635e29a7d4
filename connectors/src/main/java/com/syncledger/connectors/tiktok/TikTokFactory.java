package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * TikTok's setup: a Marketing API access token, long-lived and without a refresh flow. {@code TIKTOK_APP_ID}/{@code TIKTOK_APP_SECRET} are only
 * needed to authorize, not to read spend.
 */
public final class TikTokFactory extends PlatformFactory {

    static final PlatformVariables NAMES = new PlatformVariables(Platform.TIKTOK, "TIKTOK", "TIKTOK_APP_ID",
            "TIKTOK_APP_SECRET", "TIKTOK_TOKEN_URL");
    static final String DEFAULT_AUTHORIZE_URL = "https://business-api.tiktok.com/portal/auth";
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    public TikTokFactory() {
        super(NAMES,
                List.of(NAMES.accessToken(), NAMES.clientId() + " (optional)", NAMES.clientSecret() + " (optional)",
                        NAMES.authorizeUrl() + " (optional)", NAMES.tokenUrl() + " (optional)"),
                Set.of(NAMES.accessToken(), NAMES.clientSecret()));
    }

    @Override
    public boolean configured(Env env) {
        return env.has(NAMES.accessToken());
    }

    /**
     * The advertiser authorization of the app {@code TIKTOK_APP_ID} with {@code TIKTOK_APP_SECRET}: the page at
     * {@code TIKTOK_AUTHORIZE_URL}, the exchange at {@code TIKTOK_TOKEN_URL} (default the API's
     * {@code /oauth2/access_token/}; TikTok's paths end in a slash, which is kept).
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        if (!NAMES.hasClient(env)) {
            return Optional.empty();
        }
        String version = NAMES.apiVersion(env, TikTokConnector.DEFAULT_API_VERSION, VERSION, "look like v1.3");
        URI apiRoot = URI.create(NAMES.baseUrl(env, TikTokConnector.DEFAULT_BASE_URL) + "/open_api/" + version);
        URI tokenUrl = env.has(NAMES.tokenUrl()) ? URI.create(env.url(NAMES.tokenUrl(), apiRoot.toString()) + "/")
                : URI.create(apiRoot + "/oauth2/access_token/");
        return Optional.of(new TikTokAuthorization(NAMES.authorizeUrl(env, DEFAULT_AUTHORIZE_URL), tokenUrl, apiRoot,
                env.get(NAMES.clientId()).orElseThrow(), env.secret(NAMES.clientSecret()), wire));
    }

    /** Reads {@code TIKTOK_ACCESS_TOKEN}, {@code TIKTOK_BASE_URL} and {@code TIKTOK_API_VERSION}. */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        Secret token = NAMES.requiredAccessToken(env);
        String version = NAMES.apiVersion(env, TikTokConnector.DEFAULT_API_VERSION, VERSION, "look like v1.3");
        return new TikTokConnector(wire, NAMES.baseUrl(env, TikTokConnector.DEFAULT_BASE_URL), version, token);
    }
}
