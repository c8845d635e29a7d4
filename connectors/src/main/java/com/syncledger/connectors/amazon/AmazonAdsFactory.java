package com.syncledger.connectors.amazon;

import com.syncledger.connectors.OAuthPlatformFactory;
import com.syncledger.connectors.OAuthServer;
import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/** Amazon Ads' setup: the Login with Amazon client and token(s), the regional host and report pacing. */
public final class AmazonAdsFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.AMAZON);
    static final String DEFAULT_AUTHORIZE_URL = "https://www.amazon.com/ap/oa";

    public AmazonAdsFactory() {
        super(NAMES, new OAuthServer(AmazonAdsSettings.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                OAuthRefresher.ClientAuth.FORM_PARAMS));
    }

    /** Amazon wants the client id on every call, so it is needed even with an access token. */
    @Override
    public boolean configured(Env env) {
        return env.has(NAMES.clientId()) && NAMES.accessOrRefreshable(env);
    }

    /**
     * The consent page at {@code AMAZON_AUTHORIZE_URL} (Login with Amazon; the EU and FE consoles have their own
     * hosts), the exchange at {@code AMAZON_TOKEN_URL}, the profiles from {@code AMAZON_BASE_URL}.
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        URI base = env.url(NAMES.baseUrl(), AmazonAdsSettings.DEFAULT_BASE_URL);
        return codeGrant(env, wire, new AmazonAdsErrors())
                .map(codeGrant -> new AmazonAdsAuthorization(authorizeUrl(env), codeGrant, base));
    }

    /**
     * Reads {@code AMAZON_CLIENT_ID}, {@code AMAZON_CLIENT_SECRET}, {@code AMAZON_REFRESH_TOKEN}, the optional
     * {@code AMAZON_ACCESS_TOKEN}, and the optional {@code AMAZON_BASE_URL} (the regional host),
     * {@code AMAZON_TOKEN_URL}, {@code AMAZON_API_VERSION}, {@code AMAZON_POLL_INTERVAL_MS} and
     * {@code AMAZON_REPORT_TIMEOUT} (seconds).
     */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        String clientId = env.get(NAMES.clientId()).orElseThrow(() -> new IllegalArgumentException(
                "AMAZON_CLIENT_ID is required: Amazon Ads wants the client id on every call"));
        AmazonAdsSettings settings = AmazonAdsSettings.fromEnv(env);
        OAuthRefresher tokens = builtTokens(env, wire, onRotation);
        return new AmazonAdsConnector(new AmazonAdsApi(wire, tokens, clientId, settings), settings);
    }
}
