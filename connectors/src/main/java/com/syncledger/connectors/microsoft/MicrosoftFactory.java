package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.OAuthPlatformFactory;
import com.syncledger.connectors.OAuthServer;
import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Microsoft Advertising's setup: developer token and customer id, and an access token or a refresh token
 * with the client id (the client secret is optional: public clients have none). The refresh token rotates
 * on every refresh.
 */
public final class MicrosoftFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.MICROSOFT);
    static final String DEVELOPER_TOKEN = "MICROSOFT_DEVELOPER_TOKEN";
    static final String CUSTOMER_ID = "MICROSOFT_CUSTOMER_ID";
    static final String DEFAULT_AUTHORIZE_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize";

    public MicrosoftFactory() {
        this(Clock.systemUTC());
    }

    /** @param clock judges token expiry and report deadlines; tests use another */
    MicrosoftFactory(Clock clock) {
        super(NAMES, new OAuthServer(MicrosoftSettings.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                        OAuthRefresher.ClientAuth.FORM_PARAMS),
                List.of(DEVELOPER_TOKEN, CUSTOMER_ID, NAMES.clientId(), NAMES.clientSecret() + " (optional)",
                        NAMES.refreshToken(), NAMES.accessToken() + " (optional)", NAMES.authorizeUrl() + " (optional)"),
                Set.of(DEVELOPER_TOKEN, NAMES.clientSecret(), NAMES.refreshToken(), NAMES.accessToken()), clock);
    }

    @Override
    public boolean configured(Env env) {
        return env.has(DEVELOPER_TOKEN) && env.has(CUSTOMER_ID)
                && (env.has(NAMES.accessToken()) || (env.has(NAMES.refreshToken()) && env.has(NAMES.clientId())));
    }

    /**
     * The standard client and tokens, with the scope Microsoft wants on every refresh.
     *
     * @param onRotation receives each new refresh token: Microsoft rotates it on every refresh, and the one
     *                   configured stops working eventually, so it must be stored
     */
    @Override
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        String scope = MicrosoftSettings.fromEnv(env).scope();
        return super.tokens(env, wire, onRotation).param("scope", scope);
    }

    /**
     * The consent page at {@code MICROSOFT_AUTHORIZE_URL}, the exchange at {@code MICROSOFT_TOKEN_URL}, both with
     * {@code MICROSOFT_OAUTH_SCOPE}; the listing needs {@code MICROSOFT_DEVELOPER_TOKEN}. A confidential client:
     * the client secret is required here.
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        if (!env.has(DEVELOPER_TOKEN)) {
            return Optional.empty();
        }
        String scope = env.getOrDefault("MICROSOFT_OAUTH_SCOPE", MicrosoftSettings.DEFAULT_SCOPE);
        URI customerManagement = URI.create(env.url("MICROSOFT_CUSTOMER_BASE_URL",
                MicrosoftSettings.DEFAULT_CUSTOMER_BASE_URL) + "/CustomerManagement/"
                + env.getOrDefault("MICROSOFT_API_VERSION", MicrosoftSettings.DEFAULT_API_VERSION));
        return codeGrant(env, wire, new MicrosoftErrors("token"))
                .map(codeGrant -> new MicrosoftAuthorization(authorizeUrl(env), codeGrant, scope,
                        customerManagement, env.secret(DEVELOPER_TOKEN)));
    }

    @Override
    public MicrosoftConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        MicrosoftSettings settings = MicrosoftSettings.fromEnv(env);
        return new MicrosoftConnector(settings, builtTokens(env, wire, onRotation), wire, clock());
    }

    /** The connector on another clock, for tests. */
    static MicrosoftConnector connector(Env env, WireClient wire, Clock clock, Consumer<Secret> onRotation) {
        return new MicrosoftFactory(clock).create(env, wire, onRotation);
    }
}
