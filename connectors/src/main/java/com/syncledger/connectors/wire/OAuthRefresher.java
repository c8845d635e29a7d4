package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2 refresh-token grant with the access token cached until shortly before it expires. A rotated
 * refresh token (Microsoft, Pinterest, Reddit) replaces the old one in memory and is handed to
 * {@code onRotation} so it can be kept. When {@code onRotation} is a {@link SharedRefreshToken}, the kept
 * token is read before every refresh, so a token another process rotated meanwhile is the one sent. One
 * instance per credential; safe for concurrent use.
 */
public final class OAuthRefresher implements AccessTokens {

    /** How the client authenticates at the token endpoint. */
    public enum ClientAuth { FORM_PARAMS, BASIC_HEADER }

    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    private final Platform platform;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuth clientAuth;
    private final Map<String, String> extraParams;
    private final WireClient wire;
    private final Clock clock;
    private final Consumer<Secret> onRotation;
    private final Map<String, String> extraHeaders;
    private final SharedRefreshToken shared;

    private Secret refreshToken;
    private Secret accessToken;
    private Instant expiresAt = Instant.MIN;

    private OAuthRefresher(Builder b) {
        this.platform = b.platform;
        this.tokenUrl = b.tokenUrl;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshToken = b.refreshToken;
        this.clientAuth = b.clientAuth;
        this.extraParams = Map.copyOf(b.extraParams);
        this.extraHeaders = Map.copyOf(b.extraHeaders);
        this.wire = b.wire;
        this.clock = b.clock;
        this.onRotation = b.onRotation;
        this.shared = b.onRotation instanceof SharedRefreshToken kept ? kept : null;
        if (b.accessToken != null) {
            // A configured access token is used until the platform says it expired.
            this.accessToken = b.accessToken;
            this.expiresAt = Instant.MAX;
        }
    }

    /** A refresher for {@code platform}'s token endpoint, sending through {@code wire}. */
    public static Builder builder(Platform platform, URI tokenUrl, WireClient wire) {
        return new Builder(platform, tokenUrl, wire);
    }

    public boolean canRefresh() {
        return refreshToken != null && clientId != null;
    }

    /** A valid access token, refreshing first when the cached one is missing or about to expire. */
    public synchronized Secret accessToken() {
        if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(EXPIRY_MARGIN))) {
            refresh();
        }
        return accessToken;
    }

    /**
     * Exchanges the refresh token for a new access token now, proving the client and the refresh token work
     * (for credential checks). Only for platforms that keep the refresh token: where the platform rotates it,
     * the new one would live only in memory and the configured one might stop working.
     *
     * @throws ConnectorException.Auth when no refresh token with client id is configured, or it is refused
     */
    public synchronized void refreshNow() {
        refresh();
    }

    /**
     * Proves the client and the refresh token with one exchange, for a platform that has no cheap call without
     * an account and keeps its refresh token on refresh.
     *
     * @throws UnsupportedOperationException when only an access token is configured: the first fetch checks it
     */
    public void verifyByRefresh() {
        if (!canRefresh()) {
            throw new UnsupportedOperationException("only an access token is configured; " + platform.displayName()
                    + " has no cheap call without an account, so the first fetch checks it");
        }
        refreshNow();
    }

    /**
     * Forgets {@code rejected} after the platform refused it as expired, so the next
     * {@link #accessToken()} refreshes. A token that was already replaced is left alone.
     *
     * @return whether a refresh is possible at all
     */
    public synchronized boolean invalidate(Secret rejected) {
        if (rejected != null && rejected.equals(accessToken)) {
            accessToken = null;
        }
        return canRefresh();
    }

    private void refresh() {
        if (!canRefresh()) {
            throw new ConnectorException.Auth(Details.of(platform, platform.displayName()
                    + " access token is missing or expired and no refresh token with client id is configured"));
        }
        adoptNewestKeptRefreshToken();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        extraHeaders.forEach(request::header);
        if (clientAuth == ClientAuth.BASIC_HEADER) {
            String pair = clientId + ":" + (clientSecret == null ? "" : clientSecret.reveal());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            if (clientSecret != null) {
                form.put("client_secret", clientSecret.reveal());
            }
        }
        form.putAll(extraParams);
        WireResponse response = wire.send(platform, request.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        JsonNode body = Json.parse(platform, response, null);
        if (!response.isSuccess() || Json.text(body, "access_token") == null) {
            throw tokenFailure(response, body);
        }
        Secret fresh = Secret.of(Json.text(body, "access_token"));
        Instant freshUntil = clock.instant().plus(lifetime(body));
        Secret rotated = Secret.ofNullable(Json.text(body, "refresh_token"));
        if (rotated != null && !rotated.equals(refreshToken)) {
            // The rotated token is kept (onRotation returns once it is stored) before the new access token is
            // adopted: no request is sent with the new grant until its refresh token is safe, and a failure to
            // keep it fails this refresh instead of carrying on with a token that a restart would lose.
            onRotation.accept(rotated);
            refreshToken = rotated;
        }
        accessToken = fresh;
        expiresAt = freshUntil;
    }

    /**
     * When the cached access token expires, as the platform said on the last refresh; {@link Instant#MAX} for a
     * configured token (used until refused), {@link Instant#MIN} before the first refresh.
     */
    public synchronized Instant accessExpiresAt() {
        return expiresAt;
    }

    /** Another process may have rotated the token since this one last refreshed; the old one is dead then. */
    private void adoptNewestKeptRefreshToken() {
        if (shared == null) {
            return;
        }
        Optional<Secret> newest;
        try {
            newest = shared.latest();
        } catch (RuntimeException e) {
            // Refreshing with the token held in memory could use a superseded one: retry once the store answers.
            throw new ConnectorException.Transient(Details.of(platform, "cannot read the kept "
                    + platform.displayName() + " refresh token: " + e.getMessage()));
        }
        newest.ifPresent(token -> refreshToken = token);
    }

    private static Duration lifetime(JsonNode body) {
        String expiresIn = Json.text(body, "expires_in");
        try {
            return expiresIn == null ? DEFAULT_LIFETIME : Duration.ofSeconds(Long.parseLong(expiresIn.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME;
        }
    }

    private ConnectorException tokenFailure(WireResponse response, JsonNode body) {
        String code = Json.text(body, "error");
        String description = Json.text(body, "error_description");
        Details details = new Details(platform, response.status(), code, null,
                platform.displayName() + " refused the refresh token: " + (code == null ? "http " + response.status() : code)
                        + (description == null ? "" : " (" + description + ")"));
        if (response.status() >= 500) {
            return new ConnectorException.Transient(details);
        }
        if (response.status() == 429) {
            return new ConnectorException.RateLimited(details, RetryAfter.parse(response));
        }
        return new ConnectorException.Auth(details);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return "OAuthRefresher[" + platform.slug() + ", " + tokenUrl + "]";
    }

    /**
     * The settings of one credential. Only platform, token URL and client are required; a refresher without a
     * refresh token uses the configured access token until the platform refuses it.
     */
    public static final class Builder {
        private final Platform platform;
        private final URI tokenUrl;
        private final WireClient wire;
        private String clientId;
        private Secret clientSecret;
        private Secret refreshToken;
        private Secret accessToken;
        private ClientAuth clientAuth = ClientAuth.FORM_PARAMS;
        private final Map<String, String> extraParams = new LinkedHashMap<>();
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Consumer<Secret> onRotation = rotated -> { };

        private Builder(Platform platform, URI tokenUrl, WireClient wire) {
            this.platform = Objects.requireNonNull(platform, "platform");
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            this.wire = Objects.requireNonNull(wire, "wire");
        }

        /** The OAuth client: its id, and its secret (null for a public client, which has none). */
        public Builder client(String clientId, Secret clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder refreshToken(Secret refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** An access token to use until the platform refuses it; then the refresh token takes over. */
        public Builder accessToken(Secret accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** How the client authenticates at the token endpoint; form parameters unless set. */
        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
            return this;
        }

        /** A form parameter the platform wants on every refresh (Microsoft's {@code scope}). */
        public Builder param(String name, String value) {
            extraParams.put(name, value);
            return this;
        }

        /** A header the platform wants on every refresh (Reddit's {@code User-Agent}). */
        public Builder header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Receives each refresh token the platform rotates to; ignored unless set. A {@link SharedRefreshToken}
         * is also read before every refresh.
         */
        public Builder onRotation(Consumer<Secret> onRotation) {
            this.onRotation = Objects.requireNonNull(onRotation, "onRotation");
            return this;
        }

        public OAuthRefresher build() {
            return new OAuthRefresher(this);
        }
    }
}
