package com.syncledger.app.connections;

import com.syncledger.app.connections.ConnectException.Reason;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.credentials.TokenCipher;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.PlatformAuthorization.ReachableAccount;
import com.syncledger.connectors.PlatformFactory;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Connecting a client's own authorization: {@link #start} sends the user to the platform's consent page with a
 * signed, single-use state; {@link #complete} takes what the platform sends back, exchanges the code, lists the
 * accounts the token reaches and stores the connection. The browser (the callback) and the CLI ({@code connections
 * complete}) finish the same way. A failure at any step stores nothing and says which step failed.
 */
@Component
public class ConnectFlow {

    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);
    private static final int MAX_LABEL = 200;
    private static final DateTimeFormatter LABEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Env env;
    private final ConnectStates states;
    private final ConnectionStore connections;
    private final PublicUrl publicUrl;
    private final Stores stores;
    private final WireClient wire = WireClient.withDefaults();

    ConnectFlow(Env env, ConnectStates states, ConnectionStore connections, PublicUrl publicUrl, Stores stores) {
        this.env = env;
        this.states = states;
        this.connections = connections;
        this.publicUrl = publicUrl;
        this.stores = stores;
    }

    /**
     * Starts an authorization: stores the state's digest (and the PKCE verifier) for ten minutes and returns the
     * consent page to open.
     *
     * @param label     what the connection will be called; by default the platform and the time
     * @param storeId   the store the accounts are meant for, offered first when linking; null for none
     * @param createdBy who started it (a key fingerprint, or {@code cli})
     */
    public ConnectStart start(String platformSlug, String label, Long storeId, String createdBy) {
        Platform platform = platform(platformSlug);
        ConnectStateSigner signer = signer();
        PlatformAuthorization authorization = authorization(platform);
        if (storeId != null) {
            stores.get(storeId);
        }
        String name = label(label, platform);
        URI redirectUri = publicUrl.callback(platform);
        String verifier = authorization.supportsPkce() ? Pkce.newVerifier() : null;
        String state = signer.newState();
        states.store(ConnectStateSigner.digest(state), platform, name, storeId, verifier, redirectUri, createdBy);
        URI url = authorization.authorizeUrl(state, verifier == null ? null : Pkce.challenge(verifier), redirectUri);
        log.info("connect started: platform={} label=\"{}\" by={}", platform.slug(), name, createdBy);
        return new ConnectStart(platform, name, Optional.ofNullable(storeId), url, state,
                Instant.now().plus(ConnectStates.LIFETIME).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Finishes an authorization with what the platform sent back.
     *
     * @param platformSlug the platform the callback arrived for; null when unknown (the CLI given only code and
     *                     state), then the state's own platform
     * @throws ConnectException naming the step that failed; nothing is stored then
     */
    public Connected complete(String platformSlug, ConnectCallback callback) {
        Optional<Platform> arrivedFor = Optional.ofNullable(platformSlug).map(ConnectFlow::platform);
        ConnectStateSigner signer = signer();
        if (callback.state() == null || callback.state().isBlank()) {
            throw refused(Reason.TAMPERED_STATE, "The callback carries no state; start the connection again.");
        }
        if (!signer.verify(callback.state().strip())) {
            throw refused(Reason.TAMPERED_STATE, "The state was not issued by this server or was altered;"
                    + " nothing was stored. Start the connection again.");
        }
        PendingConnect pending = states.consume(ConnectStateSigner.digest(callback.state().strip()))
                .orElseThrow(() -> refused(Reason.UNKNOWN_STATE, "This authorization was already completed or"
                        + " abandoned (a state works once); start the connection again."));
        Platform platform = pending.platform();
        if (callback.error() != null && !callback.error().isBlank()) {
            throw refused(Reason.PLATFORM_ERROR, platform.displayName() + " did not authorize the connection: "
                    + printable(callback.error()) + Optional.ofNullable(callback.errorDescription())
                            .filter(d -> !d.isBlank()).map(d -> " (" + printable(d) + ")").orElse("") + ".");
        }
        if (pending.expired()) {
            throw refused(Reason.EXPIRED_STATE, "The authorization took longer than "
                    + ConnectStates.LIFETIME.toMinutes() + " minutes and expired; start the connection again.");
        }
        if (arrivedFor.isPresent() && arrivedFor.get() != platform) {
            throw refused(Reason.WRONG_PLATFORM, "The authorization was started for " + platform.displayName()
                    + " but came back to the " + arrivedFor.get().displayName() + " callback.");
        }
        if (callback.code() == null || callback.code().isBlank()) {
            throw refused(Reason.EXCHANGE_FAILED, "The callback carries no authorization code; start the"
                    + " connection again.");
        }
        PlatformAuthorization authorization = authorization(platform);
        Grant grant;
        try {
            grant = authorization.exchange(callback.code().strip(), pending.codeVerifier().orElse(null),
                    pending.redirectUri());
        } catch (ConnectorException e) {
            throw refused(Reason.EXCHANGE_FAILED, platform.displayName() + " refused to exchange the authorization"
                    + " code for tokens (" + describe(e) + "); start the connection again.");
        }
        List<ReachableAccount> accounts;
        try {
            accounts = authorization.accounts(grant.accessToken());
        } catch (ConnectorException e) {
            throw refused(Reason.ACCOUNTS_FAILED, platform.displayName() + " did not list the ad accounts the new"
                    + " authorization reaches (" + describe(e) + "); nothing was stored.");
        }
        Connection connection = connections.create(platform, pending.label(), grant,
                accounts.stream().map(a -> a.id().value()).toList());
        log.info("connect completed: platform={} connection={} accounts={}", platform.slug(), connection.id(),
                accounts.size());
        return new Connected(connection, accounts, pending.storeId());
    }

    private static Platform platform(String slug) {
        try {
            return Platform.fromSlug(slug == null ? "" : slug.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("platform", "unknown platform; one of " + Platform.slugs());
        }
    }

    private ConnectStateSigner signer() {
        Optional<String> key = env.get(StoredRefreshTokens.KEY_VARIABLE).filter(value -> !value.isBlank());
        if (key.isEmpty()) {
            throw refused(Reason.NO_SECRET_KEY, "Connections need " + StoredRefreshTokens.KEY_VARIABLE
                    + " (their tokens are stored encrypted and their states signed with it); set it to 32 random"
                    + " bytes in base64 (openssl rand -base64 32).");
        }
        TokenCipher.fromBase64(key.get());
        return new ConnectStateSigner(Base64.getDecoder().decode(key.get().trim()));
    }

    private PlatformAuthorization authorization(Platform platform) {
        PlatformFactory factory = Connectors.factory(platform);
        return factory.authorization(env, wire).orElseThrow(() -> refused(Reason.NO_CLIENT_SETTINGS,
                platform.displayName() + " has no client settings for connecting clients; set "
                        + String.join(" and ", clientVariables(factory)) + " (see docs/setup.md)."));
    }

    /** The variables of the platform's app, as its help lists them (Meta's secret is META_APP_SECRET, not _CLIENT_). */
    private static List<String> clientVariables(PlatformFactory factory) {
        List<String> named = factory.variables().stream().map(variable -> variable.split(" ")[0])
                .filter(name -> name.contains("CLIENT") || name.contains("SECRET")).distinct().sorted().toList();
        return named.isEmpty()
                ? List.of(factory.variableNames().clientId(), factory.variableNames().clientSecret()) : named;
    }

    private static String label(String label, Platform platform) {
        String name = label == null || label.isBlank()
                ? platform.displayName() + " connection " + LABEL_TIME.format(Instant.now())
                : label.strip();
        if (name.length() > MAX_LABEL) {
            throw new InvalidInputException("label", "must be at most " + MAX_LABEL + " characters");
        }
        return name;
    }

    /** The error kind and the platform's code, never its message, which might echo what was sent. */
    private static String describe(ConnectorException e) {
        return e.kind().toString().toLowerCase(java.util.Locale.ROOT)
                + (e.httpStatus() > 0 ? ", HTTP " + e.httpStatus() : "")
                + (e.platformCode() != null ? ", code " + printable(e.platformCode()) : "");
    }

    /** What the platform wrote, cut short and with control characters dropped, fit for a page or a log line. */
    private static String printable(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}]", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private static ConnectException refused(Reason reason, String message) {
        log.info("connect refused: reason={}", reason.wire());
        return new ConnectException(reason, message);
    }
}
