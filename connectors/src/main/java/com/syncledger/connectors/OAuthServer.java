package com.syncledger.connectors;

import com.syncledger.connectors.wire.OAuthRefresher.ClientAuth;
import java.util.Objects;

/**
 * A platform's OAuth authorization server as it documents it: the token endpoint and the consent page (each
 * replaced by {@code <NAME>_TOKEN_URL} or {@code <NAME>_AUTHORIZE_URL} when set), and how the token endpoint
 * wants the client's id and secret. Refreshes and code exchanges go to the same endpoint, so both present the
 * client this way.
 */
public record OAuthServer(String tokenUrl, String authorizeUrl, ClientAuth clientAuth) {

    public OAuthServer {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(clientAuth, "clientAuth");
    }
}
