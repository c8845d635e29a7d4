package com.syncledger.connectors;

import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.OAuthCodeGrant;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The factory of a platform whose access tokens are refreshed with OAuth. Its refresher is the standard one
 * of its variables at its {@link OAuthServer}, on the factory's clock; a platform whose token endpoint wants
 * more overrides {@link #tokens} and adds to what {@code super.tokens} returns.
 */
public abstract class OAuthPlatformFactory extends PlatformFactory {

    private final OAuthServer server;
    private final Clock clock;

    protected OAuthPlatformFactory(PlatformVariables variableNames, OAuthServer server) {
        this(variableNames, server, Clock.systemUTC());
    }

    /** @param clock judges token expiry (and whatever else the connector times); tests use another */
    protected OAuthPlatformFactory(PlatformVariables variableNames, OAuthServer server, Clock clock) {
        this(variableNames, server, variableNames.oauthHelp(), variableNames.oauthSecrets(), clock);
    }

    protected OAuthPlatformFactory(PlatformVariables variableNames, OAuthServer server, List<String> variables,
            Set<String> secretVariables, Clock clock) {
        super(variableNames, variables, secretVariables);
        this.server = server;
        this.clock = clock;
    }

    /**
     * The platform's refresher, not built yet: client, refresh and access token and token URL from the
     * standard variables, the client presented as the server wants it.
     *
     * @param onRotation receives each refresh token the platform rotates to, so it can be kept
     * @throws IllegalArgumentException naming a required setting that is missing or malformed
     */
    protected OAuthRefresher.Builder tokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return variableNames().refresher(env, server.tokenUrl(), wire, onRotation).clientAuth(server.clientAuth());
    }

    @Override
    public final Optional<OAuthRefresher> refresher(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return Optional.of(builtTokens(env, wire, onRotation));
    }

    /** The refresher a connector uses. */
    protected final OAuthRefresher builtTokens(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return tokens(env, wire, onRotation).clock(clock).build();
    }

    /**
     * The standard code exchange at the platform's token URL with the client from its variables, presented as
     * the server wants it; empty when the client id or secret is not set.
     */
    protected final Optional<OAuthCodeGrant> codeGrant(Env env, WireClient wire, ErrorTranslator errors) {
        return codeGrant(env, wire, Map.of(), errors);
    }

    /** The same exchange with {@code headers} on its calls (a platform that wants its own, as Reddit's agent). */
    protected final Optional<OAuthCodeGrant> codeGrant(Env env, WireClient wire, Map<String, String> headers,
            ErrorTranslator errors) {
        PlatformVariables names = variableNames();
        if (!names.hasClient(env)) {
            return Optional.empty();
        }
        return Optional.of(new OAuthCodeGrant(platform(), env.url(names.tokenUrl(), server.tokenUrl()),
                env.get(names.clientId()).orElseThrow(), env.secret(names.clientSecret()), server.clientAuth(),
                headers, errors, wire, clock));
    }

    /** The consent page's URL: {@code <NAME>_AUTHORIZE_URL}, or the server's documented one. */
    protected final URI authorizeUrl(Env env) {
        return variableNames().authorizeUrl(env, server.authorizeUrl());
    }

    protected final Clock clock() {
        return clock;
    }
}
