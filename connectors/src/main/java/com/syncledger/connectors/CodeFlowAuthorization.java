package com.syncledger.connectors;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A platform whose consent and code exchange follow OAuth 2 as written (RFC 6749 §4.1, PKCE per RFC 7636 where
 * the platform takes it): the standard consent parameters plus the platform's own, and the standard exchange.
 * A platform's subclass adds its account listing.
 */
public abstract class CodeFlowAuthorization implements PlatformAuthorization {

    private final URI authorizeUrl;
    private final OAuthCodeGrant codeGrant;
    private final String scope;
    private final String scopeSeparator;
    private final boolean pkce;

    /**
     * @param scope          the scopes as the consent URL's {@code scope} parameter carries them
     * @param scopeSeparator how the token answer separates its scopes (a regex)
     * @param pkce           whether the platform documents PKCE (S256)
     */
    protected CodeFlowAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, String scope, String scopeSeparator,
            boolean pkce) {
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        this.codeGrant = Objects.requireNonNull(codeGrant, "codeGrant");
        this.scope = scope;
        this.scopeSeparator = scopeSeparator;
        this.pkce = pkce;
    }

    @Override
    public final boolean supportsPkce() {
        return pkce;
    }

    @Override
    public final URI authorizeUrl(String state, String codeChallenge, URI redirectUri) {
        Map<String, String> params = new LinkedHashMap<>(
                codeGrant.standardParams(state, pkce ? codeChallenge : null, redirectUri, scope));
        params.putAll(extraAuthorizeParams());
        return OAuthCodeGrant.authorizeUrl(authorizeUrl, params);
    }

    /** Consent parameters the platform wants besides the standard ones (Reddit's {@code duration}). */
    protected Map<String, String> extraAuthorizeParams() {
        return Map.of();
    }

    @Override
    public Grant exchange(String code, String codeVerifier, URI redirectUri) throws ConnectorException {
        return codeGrant.exchange(code, pkce ? codeVerifier : null, redirectUri, scopeSeparator);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + authorizeUrl + ", " + codeGrant + "]";
    }
}
