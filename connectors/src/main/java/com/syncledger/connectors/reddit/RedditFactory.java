package com.syncledger.connectors.reddit;

import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** Reddit's setup: an access token and/or the refresh triple (rotated on refresh), and a User-Agent. */
public final class RedditFactory implements PlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.REDDIT);

    @Override
    public PlatformVariables variableNames() {
        return NAMES;
    }

    @Override
    public Optional<OAuthRefresher> refresher(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return Optional.of(refresher(RedditSettings.fromEnv(env), wire, Clock.systemUTC(), onRotation));
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return connector(RedditSettings.fromEnv(env), wire, Clock.systemUTC(), onRotation);
    }

    /**
     * The connector on another clock (token expiry), for tests.
     *
     * @param onRotation receives the new refresh token whenever Reddit rotates it, so it can be stored; the
     *                   connector itself keeps using the new one from then on
     */
    static RedditConnector connector(RedditSettings settings, WireClient wire, Clock clock,
            Consumer<Secret> onRotation) {
        return new RedditConnector(settings, refresher(settings, wire, clock, onRotation), wire);
    }

    /** Reddit wants the client as a Basic header, and its User-Agent on token calls too. */
    private static OAuthRefresher refresher(RedditSettings settings, WireClient wire, Clock clock,
            Consumer<Secret> onRotation) {
        return OAuthRefresher.builder(Platform.REDDIT, settings.tokenUrl(), wire)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .refreshToken(settings.refreshToken())
                .accessToken(settings.accessToken())
                .clientAuth(OAuthRefresher.ClientAuth.BASIC_HEADER)
                .header("User-Agent", settings.userAgent())
                .clock(clock)
                .onRotation(onRotation)
                .build();
    }
}
