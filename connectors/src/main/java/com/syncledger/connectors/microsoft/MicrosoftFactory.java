package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
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
public final class MicrosoftFactory extends PlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.MICROSOFT);
    static final String DEVELOPER_TOKEN = "MICROSOFT_DEVELOPER_TOKEN";
    static final String CUSTOMER_ID = "MICROSOFT_CUSTOMER_ID";

    public MicrosoftFactory() {
        super(NAMES);
    }

    @Override
    public List<String> variables() {
        return List.of(DEVELOPER_TOKEN, CUSTOMER_ID, NAMES.clientId(), NAMES.clientSecret() + " (optional)",
                NAMES.refreshToken(), NAMES.accessToken() + " (optional)");
    }

    @Override
    public Set<String> secretVariables() {
        return Set.of(DEVELOPER_TOKEN, NAMES.clientSecret(), NAMES.refreshToken(), NAMES.accessToken());
    }

    @Override
    public boolean configured(Env env) {
        return env.has(DEVELOPER_TOKEN) && env.has(CUSTOMER_ID)
                && (env.has(NAMES.accessToken()) || (env.has(NAMES.refreshToken()) && env.has(NAMES.clientId())));
    }

    /**
     * @param onRotation receives each new refresh token: Microsoft rotates it on every refresh, and the one
     *                   configured stops working eventually, so it must be stored
     */
    @Override
    public Optional<OAuthRefresher> refresher(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return Optional.of(tokens(env, MicrosoftSettings.fromEnv(env), wire, onRotation).build());
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return connector(env, wire, Clock.systemUTC(), onRotation);
    }

    /** The connector on another clock (token expiry, report deadlines), for tests. */
    static MicrosoftConnector connector(Env env, WireClient wire, Clock clock, Consumer<Secret> onRotation) {
        MicrosoftSettings settings = MicrosoftSettings.fromEnv(env);
        OAuthRefresher tokens = tokens(env, settings, wire, onRotation).clock(clock).build();
        return new MicrosoftConnector(settings, tokens, wire, clock);
    }

    /** The standard client and tokens, with the scope Microsoft wants on every refresh. */
    private static OAuthRefresher.Builder tokens(Env env, MicrosoftSettings settings, WireClient wire,
            Consumer<Secret> onRotation) {
        return NAMES.refresher(env, MicrosoftSettings.DEFAULT_TOKEN_URL, wire, onRotation)
                .param("scope", settings.scope());
    }
}
