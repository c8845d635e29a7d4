package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.OAuthServer;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.VersionedApiFactory;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.OAuthRefresher;

/** Snapchat's setup: an access token and/or the refresh triple (access tokens live 30 minutes). */
public final class SnapchatFactory extends VersionedApiFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.SNAPCHAT);
    static final String DEFAULT_AUTHORIZE_URL = "https://accounts.snapchat.com/login/oauth2/authorize";

    /** Snap takes the client credentials in the form body, not in a Basic header. */
    public SnapchatFactory() {
        super(NAMES, new OAuthServer(SnapchatConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                        OAuthRefresher.ClientAuth.FORM_PARAMS),
                SnapchatConnector.DEFAULT_BASE_URL, SnapchatConnector.DEFAULT_API_VERSION, new SnapchatErrors(),
                SnapchatAuthorization::new, SnapchatConnector::new);
    }
}
