package com.syncledger.connectors;

import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The factory of a platform set up by its standard OAuth variables alone, whose connector and account listing
 * call one versioned API: {@code <NAME>_BASE_URL} and {@code <NAME>_API_VERSION}, each defaulted (Pinterest,
 * Snapchat). The platform names its defaults and how its connector and authorization are constructed; the
 * settings are read here, the same way for each such platform.
 */
public abstract class VersionedApiFactory extends OAuthPlatformFactory {

    /** Makes the platform's connector. */
    @FunctionalInterface
    protected interface NewConnector {
        SpendConnector create(URI baseUrl, String apiVersion, OAuthRefresher tokens, WireClient wire);
    }

    /** Makes the platform's authorization, whose account listing calls {@code apiRoot}. */
    @FunctionalInterface
    protected interface NewAuthorization {
        PlatformAuthorization create(URI authorizeUrl, OAuthCodeGrant codeGrant, URI apiRoot);
    }

    private final String defaultBaseUrl;
    private final String defaultApiVersion;
    private final ErrorTranslator errors;
    private final NewAuthorization newAuthorization;
    private final NewConnector newConnector;

    /** @param errors reads the platform's refusals of the code exchange */
    protected VersionedApiFactory(PlatformVariables variableNames, OAuthServer server, String defaultBaseUrl,
            String defaultApiVersion, ErrorTranslator errors, NewAuthorization newAuthorization,
            NewConnector newConnector) {
        super(variableNames, server);
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultApiVersion = defaultApiVersion;
        this.errors = errors;
        this.newAuthorization = newAuthorization;
        this.newConnector = newConnector;
    }

    /**
     * The consent page at {@code <NAME>_AUTHORIZE_URL}, the exchange at {@code <NAME>_TOKEN_URL}, the account
     * listing under {@code <NAME>_BASE_URL/<NAME>_API_VERSION}.
     */
    @Override
    public final Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return codeGrant(env, wire, errors).map(codeGrant -> newAuthorization.create(authorizeUrl(env), codeGrant,
                URI.create(baseUrl(env) + "/" + version(env))));
    }

    @Override
    public final SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return newConnector.create(baseUrl(env), version(env), builtTokens(env, wire, onRotation), wire);
    }

    private URI baseUrl(Env env) {
        return variableNames().baseUrl(env, defaultBaseUrl);
    }

    private String version(Env env) {
        return variableNames().apiVersion(env, defaultApiVersion);
    }
}
