package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A platform's authorized calls: its access token and fixed headers on every request, one refresh and one
 * repeat when the platform refuses the token as expired, and every other failure translated by the
 * platform's {@link ErrorTranslator}. It never retries anything else. Safe for concurrent use; a
 * {@link #session()} is not.
 */
public final class AuthorizedHttp {

    private final Platform platform;
    private final WireClient wire;
    private final AccessTokens tokens;
    private final ErrorTranslator errors;
    private final String tokenHeader;
    private final String tokenPrefix;
    private final Map<String, Secret> fixedHeaders;
    /** Set once a session spent its one refresh; null outside a session (one refresh per call). */
    private final AtomicBoolean sessionRefreshed;
    private final Builder builder;

    private AuthorizedHttp(Builder b, AtomicBoolean sessionRefreshed, ErrorTranslator errors) {
        this.platform = b.platform;
        this.wire = b.wire;
        this.tokens = b.tokens;
        this.errors = errors;
        this.tokenHeader = b.tokenHeader;
        this.tokenPrefix = b.tokenPrefix;
        this.fixedHeaders = Map.copyOf(b.fixedHeaders);
        this.sessionRefreshed = sessionRefreshed;
        this.builder = b;
    }

    /** The token goes as {@code Authorization: Bearer <token>} unless the builder says otherwise. */
    public static Builder builder(Platform platform, WireClient wire, AccessTokens tokens, ErrorTranslator errors) {
        return new Builder(platform, wire, tokens, errors);
    }

    /**
     * The same calls as one logical operation: at most one refresh across all of them, so an operation that
     * keeps being refused ends instead of refreshing on every call.
     */
    public AuthorizedHttp session() {
        return new AuthorizedHttp(builder, new AtomicBoolean(), errors);
    }

    /** The same calls, their failures read by {@code other} (e.g. one that names the operation). */
    public AuthorizedHttp withErrors(ErrorTranslator other) {
        return new AuthorizedHttp(builder, sessionRefreshed, other);
    }

    /**
     * Sends {@code request} authorized and returns the answer as it came, success or not, for callers that
     * read failures themselves (a report that is a duplicate, a product the profile does not have).
     */
    public WireResponse exchange(HttpRequest.Builder request) {
        Secret token = tokens.accessToken();
        WireResponse response = wire.send(platform, authorized(request.copy(), token));
        if (!response.isSuccess() && errors.isExpiredToken(response) && mayRefresh() && tokens.invalidate(token)) {
            response = wire.send(platform, authorized(request.copy(), tokens.accessToken()));
        }
        return response;
    }

    /** A successful answer to {@code request}. @throws com.syncledger.connectors.spi.ConnectorException otherwise */
    public WireResponse send(HttpRequest.Builder request) {
        WireResponse response = exchange(request);
        if (!response.isSuccess()) {
            throw errors.translate(response);
        }
        return response;
    }

    /** A successful answer to {@code request}, read as JSON. */
    public JsonAnswer sendJson(HttpRequest.Builder request) {
        WireResponse response = send(request);
        String requestId = errors.requestId(response);
        return new JsonAnswer(Json.parse(platform, response, requestId), requestId, response);
    }

    public WireResponse get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public JsonAnswer getJson(URI uri) {
        return sendJson(HttpRequest.newBuilder(uri).GET());
    }

    public JsonAnswer postJson(URI uri, String json) {
        return sendJson(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private boolean mayRefresh() {
        return sessionRefreshed == null || sessionRefreshed.compareAndSet(false, true);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, Secret token) {
        request.header(tokenHeader, tokenPrefix + token.reveal());
        fixedHeaders.forEach((name, value) -> request.header(name, value.reveal()));
        return request;
    }

    @Override
    public String toString() {
        return "AuthorizedHttp[" + platform.slug() + ", headers " + fixedHeaders.keySet() + "]";
    }

    /** How a platform's calls are authorized and which headers go on every one. */
    public static final class Builder {
        private final Platform platform;
        private final WireClient wire;
        private final AccessTokens tokens;
        private final ErrorTranslator errors;
        private String tokenHeader = "Authorization";
        private String tokenPrefix = "Bearer ";
        private final Map<String, Secret> fixedHeaders = new LinkedHashMap<>();

        private Builder(Platform platform, WireClient wire, AccessTokens tokens, ErrorTranslator errors) {
            this.platform = Objects.requireNonNull(platform, "platform");
            this.wire = Objects.requireNonNull(wire, "wire");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.errors = Objects.requireNonNull(errors, "errors");
        }

        /** The token goes bare in this header instead of as a bearer token (TikTok's {@code Access-Token}). */
        public Builder tokenIn(String header) {
            this.tokenHeader = header;
            this.tokenPrefix = "";
            return this;
        }

        /** A header sent on every call; none when {@code value} is null. */
        public Builder header(String name, String value) {
            return header(name, Secret.ofNullable(value));
        }

        /** A credential header sent on every call (a developer token); none when {@code value} is null. */
        public Builder header(String name, Secret value) {
            if (value != null) {
                fixedHeaders.put(name, value);
            }
            return this;
        }

        /** {@code Accept: application/json} on every call. */
        public Builder acceptJson() {
            return header("Accept", "application/json");
        }

        public AuthorizedHttp build() {
            return new AuthorizedHttp(this, null, errors);
        }
    }
}
