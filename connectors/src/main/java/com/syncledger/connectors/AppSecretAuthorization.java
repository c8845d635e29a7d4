package com.syncledger.connectors;

import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.Objects;

/**
 * A platform whose consent and code exchange are its own rather than OAuth 2 as written (Meta, TikTok): the
 * exchange is proven by the app's id and secret alone, so no PKCE. A platform's subclass builds its consent URL,
 * its exchange and its account listing from what is kept here.
 */
public abstract class AppSecretAuthorization implements PlatformAuthorization {

    protected final URI authorizeUrl;
    protected final URI tokenUrl;
    protected final String appId;
    protected final Secret appSecret;
    protected final WireClient wire;

    protected AppSecretAuthorization(URI authorizeUrl, URI tokenUrl, String appId, Secret appSecret,
            WireClient wire) {
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    @Override
    public final boolean supportsPkce() {
        return false;
    }

    /** Names the consent page and the app, never the secret. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + authorizeUrl + ", app " + appId + "]";
    }
}
