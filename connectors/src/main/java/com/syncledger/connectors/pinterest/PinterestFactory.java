package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.OAuthPlatformFactory;
import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.util.Map;
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

    public PinterestFactory() {
        super(NAMES, PinterestConnector.DEFAULT_TOKEN_URL);
    }

    /**
     * Pinterest wants the app id and secret as a Basic header at its token endpoint.
     *
     * @param onRotation receives each new refresh token Pinterest issues; the old one stops working, so the new
     *                   one must be stored where {@code PINTEREST_REFRESH_TOKEN} comes from
     */
    @Override
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return super.tokens(env, wire, onRotation).clientAuth(OAuthRefresher.ClientAuth.BASIC_HEADER);
    }

    /** The consent page at {@code PINTEREST_AUTHORIZE_URL}, the exchange at {@code PINTEREST_TOKEN_URL} (Basic). */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return codeGrant(env, wire, OAuthRefresher.ClientAuth.BASIC_HEADER, Map.of(), new PinterestErrors())
                .map(codeGrant -> new PinterestAuthorization(authorizeUrl(env, DEFAULT_AUTHORIZE_URL), codeGrant,
                        apiRoot(env, PinterestConnector.DEFAULT_BASE_URL, PinterestConnector.DEFAULT_API_VERSION)));
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new PinterestConnector(NAMES.baseUrl(env, PinterestConnector.DEFAULT_BASE_URL),
                NAMES.apiVersion(env, PinterestConnector.DEFAULT_API_VERSION), builtTokens(env, wire, onRotation),
                wire);
    }
}
