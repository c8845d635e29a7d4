package com.syncledger.connectors.reddit;

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
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reddit's setup: an access token and/or the refresh triple (rotated on refresh), and a User-Agent. */
public final class RedditFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.REDDIT);
    static final String DEFAULT_AUTHORIZE_URL = "https://www.reddit.com/api/v1/authorize";

    public RedditFactory() {
        this(Clock.systemUTC());
    }

    /** @param clock judges token expiry; tests use another */
    RedditFactory(Clock clock) {
        super(NAMES, new OAuthServer(RedditSettings.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                OAuthRefresher.ClientAuth.BASIC_HEADER), clock);
    }

    /**
     * The standard client and tokens, with Reddit's User-Agent on token calls too.
     *
     * @param onRotation receives the new refresh token whenever Reddit rotates it, so it can be stored; the
     *                   connector itself keeps using the new one from then on
     */
    @Override
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        String userAgent = RedditSettings.fromEnv(env).userAgent();
        return super.tokens(env, wire, onRotation).header("User-Agent", userAgent);
    }

    /**
     * The consent page at {@code REDDIT_AUTHORIZE_URL}, the exchange at {@code REDDIT_TOKEN_URL} with the
     * {@code REDDIT_USER_AGENT}.
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        String userAgent = env.getOrDefault(RedditSettings.USER_AGENT_VAR, RedditSettings.DEFAULT_USER_AGENT);
        URI base = env.url(NAMES.baseUrl(), RedditSettings.DEFAULT_BASE_URL);
        String version = env.getOrDefault(RedditSettings.API_VERSION_VAR, RedditSettings.DEFAULT_API_VERSION);
        return codeGrant(env, wire, Map.of("User-Agent", userAgent), new RedditErrors())
                .map(codeGrant -> new RedditAuthorization(authorizeUrl(env), codeGrant,
                        URI.create(base + "/api/" + version)));
    }

    @Override
    public RedditConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new RedditConnector(RedditSettings.fromEnv(env), builtTokens(env, wire, onRotation), wire);
    }

    /** The connector on another clock, for tests. */
    static RedditConnector connector(Env env, WireClient wire, Clock clock, Consumer<Secret> onRotation) {
        return new RedditFactory(clock).create(env, wire, onRotation);
    }
}
