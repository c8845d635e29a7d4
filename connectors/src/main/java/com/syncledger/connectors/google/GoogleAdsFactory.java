package com.syncledger.connectors.google;

import com.syncledger.connectors.OAuthPlatformFactory;
import com.syncledger.connectors.OAuthServer;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.connectors.PlatformAuthorization;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Google Ads' setup: the OAuth client and refresh token ({@code GOOGLE_ADS_*}, but {@code GOOGLE_TOKEN_URL}),
 * the developer token, and optionally the manager account to log in through.
 */
public final class GoogleAdsFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = new PlatformVariables(Platform.GOOGLE, "GOOGLE_ADS",
            "GOOGLE_ADS_CLIENT_ID", "GOOGLE_ADS_CLIENT_SECRET", "GOOGLE_TOKEN_URL");
    static final String DEVELOPER_TOKEN = "GOOGLE_ADS_DEVELOPER_TOKEN";
    static final String LOGIN_CUSTOMER_ID = "GOOGLE_ADS_LOGIN_CUSTOMER_ID";
    static final String DEFAULT_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth";

    public GoogleAdsFactory() {
        super(NAMES, new OAuthServer(GoogleAdsConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                        OAuthRefresher.ClientAuth.FORM_PARAMS),
                List.of(DEVELOPER_TOKEN, NAMES.clientId(), NAMES.clientSecret(), NAMES.refreshToken(),
                        LOGIN_CUSTOMER_ID + " (optional)", NAMES.authorizeUrl() + " (optional)"),
                Set.of(DEVELOPER_TOKEN, NAMES.clientSecret(), NAMES.refreshToken()), Clock.systemUTC());
    }

    @Override
    public boolean configured(Env env) {
        return env.has(DEVELOPER_TOKEN) && NAMES.refreshable(env);
    }

    /** Always the refresh-token grant: Google access tokens live an hour, so none is configured. */
    @Override
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        if (!env.has(NAMES.clientId())) {
            throw new IllegalArgumentException("GOOGLE_ADS_CLIENT_ID is required for Google Ads");
        }
        if (!env.has(NAMES.refreshToken())) {
            throw new IllegalArgumentException("GOOGLE_ADS_REFRESH_TOKEN is required for Google Ads");
        }
        return super.tokens(env, wire, onRotation).accessToken(null);
    }

    /**
     * Google's consent for the client {@code GOOGLE_ADS_CLIENT_ID} and {@code GOOGLE_ADS_CLIENT_SECRET}: the page at
     * {@code GOOGLE_AUTHORIZE_URL} (default {@code accounts.google.com/o/oauth2/v2/auth}), the exchange at
     * {@code GOOGLE_TOKEN_URL}.
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return codeGrant(env, wire, new GoogleAdsErrors()).map(codeGrant -> {
            String version = GoogleAdsConnector.apiVersion(NAMES.apiVersion(env, GoogleAdsConnector.DEFAULT_API_VERSION));
            return new GoogleAdsAuthorization(authorizeUrl(env), codeGrant,
                    URI.create(NAMES.baseUrl(env, GoogleAdsConnector.DEFAULT_BASE_URL) + "/" + version));
        });
    }

    /**
     * From {@code GOOGLE_ADS_CLIENT_ID}, {@code GOOGLE_ADS_CLIENT_SECRET}, {@code GOOGLE_ADS_REFRESH_TOKEN},
     * {@code GOOGLE_ADS_DEVELOPER_TOKEN} (sent when set: Google retired developer tokens in September 2026 and
     * now ignores the header), {@code GOOGLE_ADS_LOGIN_CUSTOMER_ID} (the manager account, with or without
     * dashes), {@code GOOGLE_ADS_BASE_URL}, {@code GOOGLE_TOKEN_URL} and {@code GOOGLE_ADS_API_VERSION}.
     */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        OAuthRefresher oauth = builtTokens(env, wire, onRotation);
        return new GoogleAdsConnector(
                NAMES.baseUrl(env, GoogleAdsConnector.DEFAULT_BASE_URL),
                GoogleAdsConnector.apiVersion(NAMES.apiVersion(env, GoogleAdsConnector.DEFAULT_API_VERSION)),
                oauth,
                env.secret(DEVELOPER_TOKEN),
                env.get(LOGIN_CUSTOMER_ID).map(GoogleAdsConnector::loginCustomerId).orElse(null),
                wire);
    }
}
