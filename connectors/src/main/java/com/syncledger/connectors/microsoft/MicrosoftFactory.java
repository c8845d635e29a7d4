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
public final class MicrosoftFactory implements PlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.MICROSOFT);
    static final String DEVELOPER_TOKEN = "MICROSOFT_DEVELOPER_TOKEN";
    static final String CUSTOMER_ID = "MICROSOFT_CUSTOMER_ID";

    @Override
    public PlatformVariables variableNames() {
        return NAMES;
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
        return Optional.of(refresher(MicrosoftSettings.fromEnv(env), wire, Clock.systemUTC(), onRotation));
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return connector(MicrosoftSettings.fromEnv(env), wire, Clock.systemUTC(), onRotation);
    }

    /** The connector on another clock (token expiry, report deadlines), for tests. */
    static MicrosoftConnector connector(MicrosoftSettings settings, WireClient wire, Clock clock,
            Consumer<Secret> onRotation) {
        return new MicrosoftConnector(settings, refresher(settings, wire, clock, onRotation), wire, clock);
    }

    private static OAuthRefresher refresher(MicrosoftSettings settings, WireClient wire, Clock clock,
            Consumer<Secret> onRotation) {
        return OAuthRefresher.builder(Platform.MICROSOFT, settings.tokenUrl(), wire)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .refreshToken(settings.refreshToken())
                .accessToken(settings.accessToken())
                .param("scope", settings.scope())
                .clock(clock)
                .onRotation(onRotation)
                .build();
    }
}
