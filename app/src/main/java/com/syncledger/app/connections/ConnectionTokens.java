package com.syncledger.app.connections;

import com.syncledger.connectors.wire.Secret;
import java.util.Objects;
import java.util.Optional;

/** A connection's unsealed tokens, for building its connector; {@link Secret} keeps them out of logs. */
public record ConnectionTokens(Secret accessToken, Optional<Secret> refreshToken) {

    public ConnectionTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "ConnectionTokens[access token ****, refresh token " + (refreshToken.isPresent() ? "****" : "none") + "]";
    }
}
