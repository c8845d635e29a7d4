package com.syncledger.connectors.linkedin;

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
import java.util.regex.Pattern;

/** LinkedIn's setup: an access token and/or the refresh triple, and the Rest.li API version. */
public final class LinkedInFactory extends OAuthPlatformFactory {

    static final PlatformVariables NAMES = PlatformVariables.standard(Platform.LINKEDIN);
    static final String DEFAULT_AUTHORIZE_URL = "https://www.linkedin.com/oauth/v2/authorization";
    private static final Pattern VERSION = Pattern.compile("\\d{6}(\\.\\d{2})?");

    public LinkedInFactory() {
        super(NAMES, new OAuthServer(LinkedInConnector.DEFAULT_TOKEN_URL, DEFAULT_AUTHORIZE_URL,
                OAuthRefresher.ClientAuth.FORM_PARAMS));
    }

    /** The refresh part is left out unless the whole triple is there, so a partial one never half-works. */
    @Override
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        boolean refreshable = NAMES.refreshable(env);
        if (!env.has(NAMES.accessToken()) && !refreshable) {
            throw new IllegalArgumentException("LinkedIn needs LINKEDIN_ACCESS_TOKEN, or LINKEDIN_REFRESH_TOKEN with "
                    + "LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET");
        }
        OAuthRefresher.Builder tokens = super.tokens(env, wire, onRotation);
        if (!refreshable) {
            tokens.client(null, null).refreshToken(null);
        }
        return tokens;
    }

    /** The consent page at {@code LINKEDIN_AUTHORIZE_URL}, the exchange at {@code LINKEDIN_TOKEN_URL}. */
    @Override
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        String version = NAMES.apiVersion(env, LinkedInConnector.DEFAULT_API_VERSION, VERSION, "be YYYYMM (e.g. 202603)");
        return codeGrant(env, wire, new LinkedInErrors(version))
                .map(codeGrant -> new LinkedInAuthorization(authorizeUrl(env), codeGrant,
                        NAMES.baseUrl(env, LinkedInConnector.DEFAULT_BASE_URL), version));
    }

    /**
     * Reads {@code LINKEDIN_ACCESS_TOKEN} and/or {@code LINKEDIN_REFRESH_TOKEN} with {@code LINKEDIN_CLIENT_ID}
     * and {@code LINKEDIN_CLIENT_SECRET}, {@code LINKEDIN_BASE_URL}, {@code LINKEDIN_TOKEN_URL} and
     * {@code LINKEDIN_API_VERSION}.
     */
    @Override
    public SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        OAuthRefresher tokens = builtTokens(env, wire, onRotation);
        String version = NAMES.apiVersion(env, LinkedInConnector.DEFAULT_API_VERSION, VERSION, "be YYYYMM (e.g. 202603)");
        return new LinkedInConnector(wire, NAMES.baseUrl(env, LinkedInConnector.DEFAULT_BASE_URL), version, tokens);
    }
}
