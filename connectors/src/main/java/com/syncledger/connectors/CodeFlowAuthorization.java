package com.syncledger.connectors;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.wire.AuthorizedHttp;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A platform whose consent and code exchange follow OAuth 2 as written (RFC 6749 §4.1, PKCE per RFC 7636 where
 * the platform takes it): the standard consent parameters plus the platform's own, and the standard exchange.
 * A platform's subclass adds its account listing.
 */
public abstract class CodeFlowAuthorization implements PlatformAuthorization {

    private final URI authorizeUrl;
    private final OAuthCodeGrant codeGrant;
    private final URI apiRoot;
    private final String scope;
    private final String scopeSeparator;
    private final boolean pkce;

    /**
     * @param apiRoot        the root of the API the account listing calls, with its version where it has one
     * @param scope          the scopes as the consent URL's {@code scope} parameter carries them
     * @param scopeSeparator how the token answer separates its scopes (a regex)
     * @param pkce           whether the platform documents PKCE (S256)
     */
    protected CodeFlowAuthorization(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiRoot, String scope,
            String scopeSeparator, boolean pkce) {
        this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        this.codeGrant = Objects.requireNonNull(codeGrant, "codeGrant");
        this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
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

    /** Calls for the account listing with the token the exchange returned, refusals read as the exchange's. */
    protected final AuthorizedHttp.Builder apiCalls(Secret accessToken) {
        return codeGrant.apiCalls(accessToken);
    }

    /** The same calls with refusals read as {@code errors} does (a platform that names the failing operation). */
    protected final AuthorizedHttp.Builder apiCalls(Secret accessToken, ErrorTranslator errors) {
        return codeGrant.apiCalls(accessToken, errors);
    }

    /** The account a listing's item describes by its {@code idField} and {@code nameField}. */
    protected final ReachableAccount listed(JsonNode item, String idField, String nameField) {
        return ReachableAccount.listed(codeGrant.platform(), item, idField, nameField);
    }

    protected final URI apiRoot() {
        return apiRoot;
    }

    /** {@code pathAndQuery} under the API root. */
    protected final URI api(String pathAndQuery) {
        return URI.create(apiRoot + pathAndQuery);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + authorizeUrl + ", " + codeGrant + "]";
    }
}
