package com.syncledger.connectors.meta;

import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
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
 * Meta's setup: a long-lived access token (Meta has no refresh-token grant) and, optionally, the app secret
 * for {@code appsecret_proof}.
 */
public final class MetaFactory extends PlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.META);
    static final String APP_SECRET = "META_APP_SECRET";

    public MetaFactory() {
        super(NAMES, List.of(NAMES.accessToken(), APP_SECRET + " (optional)",
                NAMES.clientId() + " (optional: the app id, with " + APP_SECRET + " for connecting clients)",
                NAMES.authorizeUrl() + " (optional)"), Set.of(NAMES.accessToken(), APP_SECRET));
    }

    /**
     * Facebook Login for the app {@code META_CLIENT_ID} with its secret {@code META_APP_SECRET}; the dialog at
     * {@code META_AUTHORIZE_URL} (default {@code www.facebook.com/<version>/dialog/oauth}), the exchange at
     * {@code META_TOKEN_URL} (default the Graph API's {@code /oauth/access_token}).
     */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        if (!env.has(NAMES.clientId()) || !env.has(APP_SECRET)) {
            return Optional.empty();
        }
        String version = MetaConnector.apiVersion(NAMES.apiVersion(env, MetaConnector.DEFAULT_API_VERSION));
        URI graph = URI.create(NAMES.baseUrl(env, MetaConnector.DEFAULT_BASE_URL) + "/" + version);
        return Optional.of(new MetaAuthorization(
                NAMES.authorizeUrl(env, "https://www.facebook.com/" + version + "/dialog/oauth"),
                env.url(NAMES.tokenUrl(), graph + "/oauth/access_token"),
                graph, env.get(NAMES.clientId()).orElseThrow(), env.secret(APP_SECRET), wire, Clock.systemUTC()));
    }

    @Override
    public boolean configured(Env env) {
        return env.has(NAMES.accessToken());
    }

    /**
     * From {@code META_ACCESS_TOKEN}, {@code META_APP_SECRET} (optional: enables {@code appsecret_proof}),
     * {@code META_BASE_URL} and {@code META_API_VERSION}.
     */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new MetaConnector(
                NAMES.baseUrl(env, MetaConnector.DEFAULT_BASE_URL),
                MetaConnector.apiVersion(NAMES.apiVersion(env, MetaConnector.DEFAULT_API_VERSION)),
                NAMES.requiredAccessToken(env), env.secret(APP_SECRET), wire);
    }
}
