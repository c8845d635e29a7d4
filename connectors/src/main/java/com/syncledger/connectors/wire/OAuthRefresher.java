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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2 refresh-token grant with the access token cached until shortly before it expires. A rotated
 * refresh token (Microsoft, Pinterest, Reddit) replaces the old one in memory and is handed to
 * {@code onRotation} so it can be kept. One instance per credential; safe for concurrent use.
 */
public final class OAuthRefresher {

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

    private Secret refreshToken;
    private Secret accessToken;
    private Instant expiresAt = Instant.MIN;

    public OAuthRefresher(Platform platform, URI tokenUrl, String clientId, Secret clientSecret, Secret refreshToken,
            Secret initialAccessToken, ClientAuth clientAuth, Map<String, String> extraParams,
            Map<String, String> extraHeaders, WireClient wire, Clock clock, Consumer<Secret> onRotation) {
        this.platform = platform;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.clientAuth = clientAuth;
        this.extraParams = Map.copyOf(extraParams);
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.wire = wire;
        this.clock = clock;
        this.onRotation = onRotation;
        if (initialAccessToken != null) {
            // A configured access token is used until the platform says it expired.
            this.accessToken = initialAccessToken;
            this.expiresAt = Instant.MAX;
        }
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

    /**
     * Sends with the current access token and, when {@code expired} says the platform refused that token and a
     * refresh is possible, once more with a fresh one. Whatever the last send answered is returned as it is.
     */
    public WireResponse withFreshToken(Function<Secret, WireResponse> send, Predicate<WireResponse> expired) {
        Secret token = accessToken();
        WireResponse response = send.apply(token);
        if (expired.test(response) && invalidate(token)) {
            response = send.apply(accessToken());
        }
        return response;
    }

    private void refresh() {
        if (!canRefresh()) {
            throw new ConnectorException.Auth(Details.of(platform, platform.displayName()
                    + " access token is missing or expired and no refresh token with client id is configured"));
        }
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
        accessToken = Secret.of(Json.text(body, "access_token"));
        expiresAt = clock.instant().plus(lifetime(body));
        Secret rotated = Secret.ofNullable(Json.text(body, "refresh_token"));
        if (rotated != null && !rotated.equals(refreshToken)) {
            refreshToken = rotated;
            onRotation.accept(rotated);
        }
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
}
