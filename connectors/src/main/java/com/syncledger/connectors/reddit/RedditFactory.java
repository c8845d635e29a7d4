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
public final class RedditFactory extends PlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.REDDIT);

    public RedditFactory() {
        super(NAMES);
    }

    @Override
    public Optional<OAuthRefresher> refresher(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return Optional.of(tokens(env, RedditSettings.fromEnv(env), wire, onRotation).build());
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return connector(env, wire, Clock.systemUTC(), onRotation);
    }

    /**
     * The connector on another clock (token expiry), for tests.
     *
     * @param onRotation receives the new refresh token whenever Reddit rotates it, so it can be stored; the
     *                   connector itself keeps using the new one from then on
     */
    static RedditConnector connector(Env env, WireClient wire, Clock clock, Consumer<Secret> onRotation) {
        RedditSettings settings = RedditSettings.fromEnv(env);
        return new RedditConnector(settings, tokens(env, settings, wire, onRotation).clock(clock).build(), wire);
    }

    /** The standard client and tokens; Reddit wants the client as a Basic header, and its User-Agent on token calls too. */
    private static OAuthRefresher.Builder tokens(Env env, RedditSettings settings, WireClient wire,
            Consumer<Secret> onRotation) {
        return NAMES.refresher(env, RedditSettings.DEFAULT_TOKEN_URL, wire, onRotation)
                .clientAuth(OAuthRefresher.ClientAuth.BASIC_HEADER)
                .header("User-Agent", settings.userAgent());
    }
}
