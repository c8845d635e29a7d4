package com.syncledger.connectors.wire;

import com.syncledger.connectors.PlatformAuthorization.Grant;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2 authorization-code grant as most platforms serve it (RFC 6749 §4.1): the consent URL, and the
 * code exchanged at the token endpoint by a form POST with the client in the form or a Basic header. Also the
 * pieces a platform with its own shape reuses: reading a token answer into a {@link Grant} and reading a
 * refused exchange as kind {@code auth}.
 */
public final class OAuthCodeGrant {

    private final Platform platform;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final OAuthRefresher.ClientAuth clientAuth;
    private final Map<String, String> headers;
    private final Map<String, String> formParams;
    private final ErrorTranslator errors;
    private final WireClient wire;
    private final Clock clock;

    public OAuthCodeGrant(Platform platform, URI tokenUrl, String clientId, Secret clientSecret,
            OAuthRefresher.ClientAuth clientAuth, Map<String, String> headers, ErrorTranslator errors,
            WireClient wire, Clock clock) {
        this(platform, tokenUrl, clientId, clientSecret, clientAuth, headers, Map.of(), errors, wire, clock);
    }

    private OAuthCodeGrant(Platform platform, URI tokenUrl, String clientId, Secret clientSecret,
            OAuthRefresher.ClientAuth clientAuth, Map<String, String> headers, Map<String, String> formParams,
            ErrorTranslator errors, WireClient wire, Clock clock) {
        this.formParams = Map.copyOf(formParams);
        this.platform = Objects.requireNonNull(platform, "platform");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
        this.headers = Map.copyOf(headers);
        this.errors = Objects.requireNonNull(errors, "errors");
        this.wire = Objects.requireNonNull(wire, "wire");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The same exchange with one more form parameter (Microsoft's {@code scope}). */
    public OAuthCodeGrant withFormParam(String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(formParams);
        params.put(name, value);
        return new OAuthCodeGrant(platform, tokenUrl, clientId, clientSecret, clientAuth, headers, params, errors, wire,
                clock);
    }

    public Platform platform() {
        return platform;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Calls to the platform's API, expecting JSON, with the access token an exchange returned: they carry the
     * exchange's headers too (Reddit's User-Agent) and read refusals as {@code apiErrors} does.
     */
    public AuthorizedHttp.Builder apiCalls(Secret accessToken, ErrorTranslator apiErrors) {
        AuthorizedHttp.Builder calls = AuthorizedHttp.builder(platform, wire, AccessTokens.fixed(accessToken),
                apiErrors).acceptJson();
        headers.forEach(calls::header);
        return calls;
    }

    /** {@link #apiCalls(Secret, ErrorTranslator)} reading refusals as the exchange does. */
    public AuthorizedHttp.Builder apiCalls(Secret accessToken) {
        return apiCalls(accessToken, errors);
    }

    /**
     * {@code authorizeUrl} with {@code params} added to its query (null values left out), in order.
     */
    public static URI authorizeUrl(URI authorizeUrl, Map<String, String> params) {
        String query = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = authorizeUrl.toString();
        return URI.create(base + (authorizeUrl.getRawQuery() == null ? "?" : "&") + query);
    }

    /** The standard consent parameters: client, redirect, {@code response_type=code}, scope, state, PKCE. */
    public Map<String, String> standardParams(String state, String codeChallenge, URI redirectUri, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("response_type", "code");
        params.put("scope", scope);
        params.put("state", state);
        if (codeChallenge != null) {
            params.put("code_challenge", codeChallenge);
            params.put("code_challenge_method", "S256");
        }
        return params;
    }

    /**
     * Exchanges {@code code} at the token endpoint ({@code grant_type=authorization_code}).
     *
     * @param scopeSeparator how the answer's {@code scope} separates scopes (a regex)
     */
    public Grant exchange(String code, String codeVerifier, URI redirectUri, String scopeSeparator) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", Objects.requireNonNull(code, "code"));
        form.put("redirect_uri", redirectUri.toString());
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        form.putAll(formParams);
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (clientAuth == OAuthRefresher.ClientAuth.BASIC_HEADER) {
            String pair = clientId + ":" + clientSecret.reveal();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret.reveal());
        }
        WireResponse response = wire.send(platform, request.POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (!response.isSuccess()) {
            throw refused(platform, errors, response);
        }
        JsonNode body = Json.parse(platform, response, errors.requestId(response));
        return grant(platform, body, clock.instant(), scopeSeparator);
    }

    /**
     * A token answer as a {@link Grant}: {@code access_token}, {@code refresh_token}, {@code expires_in},
     * {@code refresh_token_expires_in} and {@code scope}, lifetimes counted from {@code now}.
     *
     * @throws ConnectorException.BadResponse when the answer carries no access token
     */
    public static Grant grant(Platform platform, JsonNode body, Instant now, String scopeSeparator) {
        String access = Json.text(body, "access_token");
        if (access == null || access.isBlank()) {
            throw new ConnectorException.BadResponse(Details.of(platform,
                    platform.displayName() + " answered the code exchange without an access token"));
        }
        String scope = Json.text(body, "scope");
        List<String> scopes = scope == null ? List.of()
                : Arrays.stream(scope.split(scopeSeparator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new Grant(Secret.of(access), Optional.ofNullable(Secret.ofNullable(Json.text(body, "refresh_token"))),
                expiry(body, "expires_in", now), expiry(body, "refresh_token_expires_in", now), scopes);
    }

    /** {@code now} plus the seconds in {@code field}, when the platform sent a positive number there. */
    public static Optional<Instant> expiry(JsonNode body, String field, Instant now) {
        String seconds = Json.text(body, field);
        try {
            long value = seconds == null ? 0 : Long.parseLong(seconds.trim());
            return value > 0 ? Optional.of(now.plus(Duration.ofSeconds(value))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A refused exchange, read by the platform's translator: a refusal of the request (4xx but 429) is kind
     * {@code auth} whatever the platform calls it, since only a new consent helps; throttling and server errors
     * keep their kind.
     */
    public static ConnectorException refused(Platform platform, ErrorTranslator errors, WireResponse response) {
        ConnectorException translated = errors.translate(response);
        int status = response.status();
        if (translated instanceof ConnectorException.Auth || status < 400 || status >= 500 || status == 429
                || translated.retryable()) {
            return translated;
        }
        JsonNode body = Json.objectOrNull(response);
        String code = Json.text(body, "error");
        String platformCode = translated.platformCode() != null ? translated.platformCode()
                : code != null && !code.startsWith("{") ? code : null;
        return new ConnectorException.Auth(new Details(platform, status, platformCode, translated.requestId(),
                platform.displayName() + " refused the authorization: " + translated.getMessage()));
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuthCodeGrant[" + platform.slug() + ", " + tokenUrl + "]";
    }
}
