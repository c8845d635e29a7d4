package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.OAuthServer;
import com.syncledger.connectors.PlatformVariables;
import com.syncledger.connectors.VersionedApiFactory;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.OAuthRefresher;

/**
 * Pinterest's setup: the app id and secret ({@code PINTEREST_APP_ID}, {@code PINTEREST_APP_SECRET}) with a
 * refresh token that rotates on every refresh, or an access token.
 */
public final class PinterestFactory extends VersionedApiFactory {

    static final PlatformVariables NAMES = new PlatformVariables(Platform.PINTEREST, "PINTEREST", "PINTEREST_APP_ID",
            "PINTEREST_APP_SECRET", "PINTEREST_TOKEN_URL");
    static final String DEFAULT_AUTHORIZE_URL = "https://www.pinterest.com/oauth/";

    /** Pinterest wants the app id and secret as a Basic header at its token endpoint. */
    public PinterestFactory() {
        super(NAMES, new OAuthServer(PinterestConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                        OAuthRefresher.ClientAuth.BASIC_HEADER),
                PinterestConnector.DEFAULT_BASE_URL, PinterestConnector.DEFAULT_API_VERSION, new PinterestErrors(),
                PinterestAuthorization::new, PinterestConnector::new);
    }
}
