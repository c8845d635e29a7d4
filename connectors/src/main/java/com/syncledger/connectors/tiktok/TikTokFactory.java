package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.util.List;
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
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    public TikTokFactory() {
        super(NAMES,
                List.of(NAMES.accessToken(), NAMES.clientId() + " (optional)", NAMES.clientSecret() + " (optional)"),
                Set.of(NAMES.accessToken(), NAMES.clientSecret()));
    }

    @Override
    public boolean configured(Env env) {
        return env.has(NAMES.accessToken());
    }

    /** Reads {@code TIKTOK_ACCESS_TOKEN}, {@code TIKTOK_BASE_URL} and {@code TIKTOK_API_VERSION}. */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        Secret token = NAMES.requiredAccessToken(env);
        String version = NAMES.apiVersion(env, TikTokConnector.DEFAULT_API_VERSION, VERSION, "look like v1.3");
        return new TikTokConnector(wire, NAMES.baseUrl(env, TikTokConnector.DEFAULT_BASE_URL), version, token);
    }
}
