package com.syncledger.connectors.pinterest;

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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pinterest's setup: the app id and secret ({@code PINTEREST_APP_ID}, {@code PINTEREST_APP_SECRET}) with a
 * refresh token that rotates on every refresh, or an access token.
 */
public final class PinterestFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = new PlatformVariables(Platform.PINTEREST, "PINTEREST", "PINTEREST_APP_ID",
            "PINTEREST_APP_SECRET", "PINTEREST_TOKEN_URL");
    static final String DEFAULT_AUTHORIZE_URL = "https://www.pinterest.com/oauth/";

    /** Pinterest wants the app id and secret as a Basic header at its token endpoint. */
    public PinterestFactory() {
        super(NAMES, new OAuthServer(PinterestConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                OAuthRefresher.ClientAuth.BASIC_HEADER));
    }

    /** The consent page at {@code PINTEREST_AUTHORIZE_URL}, the exchange at {@code PINTEREST_TOKEN_URL} (Basic). */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return codeGrant(env, wire, new PinterestErrors())
                .map(codeGrant -> new PinterestAuthorization(authorizeUrl(env), codeGrant,
                        apiRoot(env, PinterestConnector.DEFAULT_BASE_URL, PinterestConnector.DEFAULT_API_VERSION)));
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new PinterestConnector(NAMES.baseUrl(env, PinterestConnector.DEFAULT_BASE_URL),
                NAMES.apiVersion(env, PinterestConnector.DEFAULT_API_VERSION), builtTokens(env, wire, onRotation),
                wire);
    }
}
