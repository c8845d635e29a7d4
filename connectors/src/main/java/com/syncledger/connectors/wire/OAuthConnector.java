package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorDescriptor;
import java.util.Objects;

/**
 * A connector whose credential check is one refresh-token exchange. It suits a platform that keeps the
 * refresh token on refresh: the exchange proves the client and the refresh token and spends neither.
 */
public abstract class OAuthConnector extends BaseConnector {

    private final OAuthRefresher tokens;

    protected OAuthConnector(ConnectorDescriptor descriptor, OAuthRefresher tokens) {
        super(descriptor);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public final void verifyCredentials() {
        tokens.verifyByRefresh();
    }
}
