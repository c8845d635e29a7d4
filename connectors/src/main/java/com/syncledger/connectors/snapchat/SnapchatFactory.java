package com.syncledger.connectors.snapchat;

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

/** Snapchat's setup: an access token and/or the refresh triple (access tokens live 30 minutes). */
public final class SnapchatFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.SNAPCHAT);
    static final String DEFAULT_AUTHORIZE_URL = "https://accounts.snapchat.com/login/oauth2/authorize";

    /** Snap takes the client credentials in the form body, not in a Basic header. */
    public SnapchatFactory() {
        super(NAMES, new OAuthServer(SnapchatConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                OAuthRefresher.ClientAuth.FORM_PARAMS));
    }

    /** Snap's consent page at {@code SNAPCHAT_AUTHORIZE_URL}, the exchange at {@code SNAPCHAT_TOKEN_URL}. */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return codeGrant(env, wire, new SnapchatErrors())
                .map(codeGrant -> new SnapchatAuthorization(authorizeUrl(env), codeGrant,
                        apiRoot(env, SnapchatConnector.DEFAULT_BASE_URL, SnapchatConnector.DEFAULT_API_VERSION)));
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new SnapchatConnector(NAMES.baseUrl(env, SnapchatConnector.DEFAULT_BASE_URL),
                NAMES.apiVersion(env, SnapchatConnector.DEFAULT_API_VERSION), builtTokens(env, wire, onRotation),
                wire);
    }
}
