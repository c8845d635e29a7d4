package com.syncledger.connectors;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A platform's OAuth authorization-code flow, as a client's consent to the agency's app: where to send the
 * browser, how to exchange the code the platform sends back, and which ad accounts the granted token reaches.
 * Built by {@link PlatformFactory#authorization} from the platform's client settings (client id and secret,
 * authorize and token URLs), without any client's token.
 */
public interface PlatformAuthorization {

    /** Whether the platform accepts a PKCE code challenge (S256) on its authorize URL. */
    boolean supportsPkce();

    /**
     * The platform's consent page for this app.
     *
     * @param state         opaque, returned unchanged on the callback
     * @param codeChallenge the S256 challenge of the PKCE verifier; null when {@link #supportsPkce()} is false
     * @param redirectUri   where the platform sends the browser back, registered with the platform
     */
    URI authorizeUrl(String state, String codeChallenge, URI redirectUri);

    /**
     * Exchanges the code the callback received for tokens.
     *
     * @param codeVerifier the PKCE verifier; null when none was used
     * @throws ConnectorException when the platform refuses the code (kind {@code auth}) or cannot be reached
     */
    Grant exchange(String code, String codeVerifier, URI redirectUri) throws ConnectorException;

    /**
     * The ad accounts {@code accessToken} reaches, by the platform's own account-listing call.
     *
     * @throws ConnectorException as any platform call
     */
    List<ReachableAccount> accounts(Secret accessToken) throws ConnectorException;

    /** What a token exchange returns. Absent values are what the platform did not say. */
    record Grant(Secret accessToken, Optional<Secret> refreshToken, Optional<Instant> accessExpiresAt,
            Optional<Instant> refreshExpiresAt, List<String> scopes) {

        public Grant {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
            Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
            scopes = List.copyOf(scopes);
        }

        /** Says which tokens there are and when they expire, never what they are. */
        @Override
        public String toString() {
            return "Grant[access token ****, refresh token " + (refreshToken.isPresent() ? "****" : "none")
                    + ", access expires " + accessExpiresAt.map(Instant::toString).orElse("unknown")
                    + ", refresh expires " + refreshExpiresAt.map(Instant::toString).orElse("unknown")
                    + ", scopes " + scopes + "]";
        }
    }

    /** An ad account a token reaches, with the name the platform gives it. */
    record ReachableAccount(AccountId id, String name) {

        public ReachableAccount {
            Objects.requireNonNull(id, "id");
        }

        /** The account a listing's item describes by its {@code idField} and {@code nameField}. */
        public static ReachableAccount listed(Platform platform, JsonNode item, String idField, String nameField) {
            return new ReachableAccount(AccountId.of(platform, Json.text(item, idField)), Json.text(item, nameField));
        }
    }
}
