package com.syncledger.connectors;

import com.syncledger.connectors.spi.ApiVersion;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.OAuthRefresher;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything SyncLedger knows about one platform's setup, in the platform's own package: its variables and
 * which of them are secret, when it counts as configured, and how its connector and its OAuth refresher are
 * built. {@link Connectors#FACTORIES} lists one per platform. The defaults describe the common case, a
 * platform configured by an access token or by a refresh token with its client; a platform that needs more
 * gives its own variable lists to the constructor and overrides {@link #configured}. Its variable names are
 * given once, to the constructor.
 */
public abstract class PlatformFactory {

    private final PlatformVariables variableNames;
    private final List<String> variables;
    private final Set<String> secretVariables;

    /** A platform configured by its standard OAuth variables alone. */
    protected PlatformFactory(PlatformVariables variableNames) {
        this(variableNames, variableNames.oauthHelp(), variableNames.oauthSecrets());
    }

    /**
     * A platform with other variables than the standard OAuth ones.
     *
     * @param variables       what an operator sets, for help texts; optional ones say so
     * @param secretVariables those whose values are credentials
     */
    protected PlatformFactory(PlatformVariables variableNames, List<String> variables, Set<String> secretVariables) {
        this.variableNames = variableNames;
        this.variables = List.copyOf(variables);
        this.secretVariables = Set.copyOf(secretVariables);
    }

    /** The names of the platform's standard credential variables. */
    public final PlatformVariables variableNames() {
        return variableNames;
    }

    public final Platform platform() {
        return variableNames().platform();
    }

    /** The variables an operator sets, for help texts; optional ones say so. */
    public final List<String> variables() {
        return variables;
    }

    /** The variables whose values are credentials, never to be shown or logged. */
    public final Set<String> secretVariables() {
        return secretVariables;
    }

    /** Whether {@code env} holds enough for {@link #create} to build a working connector. */
    public boolean configured(Env env) {
        return variableNames().accessOrRefreshable(env);
    }

    /**
     * The platform's OAuth refresher from {@code env}; empty for a platform whose tokens cannot be refreshed.
     *
     * @param onRotation receives each refresh token the platform rotates to, so it can be kept
     */
    public Optional<OAuthRefresher> refresher(Env env, WireClient wire, Consumer<Secret> onRotation) {
        return Optional.empty();
    }

    /**
     * The platform's authorization-code flow from its client settings in {@code env}, for connecting a client's
     * own authorization; empty where the platform has none or its client settings are missing.
     */
    public Optional<PlatformAuthorization> authorization(Env env, WireClient wire) {
        return Optional.empty();
    }

    /**
     * The API version the platform's connector speaks with {@code env} (its {@code <P>_API_VERSION}, or the
     * default) and that version's published sunset, if any ({@link ApiVersions}).
     */
    public final ApiVersion apiVersion(Env env) {
        return ApiVersions.configured(platform(), env);
    }

    /**
     * The platform's connector. Call only when {@link #configured}.
     *
     * @param onRotation receives each refresh token the platform rotates to, so it can be kept
     * @throws IllegalArgumentException naming a required setting that is missing or malformed
     */
    public abstract SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation);
}
