package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.OAuthPlatformFactory;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.util.function.Consumer;

/** Snapchat's setup: an access token and/or the refresh triple (access tokens live 30 minutes). */
public final class SnapchatFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.SNAPCHAT);

    /** Snap takes the client credentials in the form body (the default), not in a Basic header. */
    public SnapchatFactory() {
        super(NAMES, SnapchatConnector.DEFAULT_TOKEN_URL);
    }

    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return new SnapchatConnector(NAMES.baseUrl(env, SnapchatConnector.DEFAULT_BASE_URL),
                NAMES.apiVersion(env, SnapchatConnector.DEFAULT_API_VERSION), builtTokens(env, wire, onRotation),
                wire);
    }
}
