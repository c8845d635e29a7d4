package com.syncledger.connectors.google;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.RetryAfter;
import com.syncledger.connectors.wire.WireResponse;
import java.time.Duration;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Translates Google Ads API error answers into {@link ConnectorException}s. The Google Ads error code in the
 * {@code GoogleAdsFailure} detail decides first (a 401 may mean an unknown customer, a 403 a missing
 * {@code login-customer-id}); the canonical HTTP status decides when there is none.
 */
final class GoogleAdsErrors implements ErrorTranslator {

    private static final Platform GOOGLE = Platform.GOOGLE;
    /** Authentication errors about the access token itself: a fresh token from the refresh token may pass. */
    private static final Set<String> STALE_TOKEN_CODES = Set.of(
            "OAUTH_TOKEN_EXPIRED", "OAUTH_TOKEN_INVALID", "OAUTH_TOKEN_REVOKED", "OAUTH_TOKEN_DISABLED");


    /** What one Google error object says, with the first Google Ads error code when there is one. */
    record GoogleError(int status, String statusName, String message, String category, String code,
            String reason, Duration retryDelay, String requestId) {

        /** {@code authenticationError.CUSTOMER_NOT_FOUND}, else the {@code ErrorInfo} reason, else the status. */
        String platformCode() {
            if (code != null) {
                return category + "." + code;
            }
            return reason != null ? reason : statusName;
        }
    }

    @Override
    public String requestId(WireResponse response) {
        return headerRequestId(response);
    }

    private static String headerRequestId(WireResponse response) {
        return response.firstHeader("request-id");
    }

    /** The exception for a non-2xx answer. */
    @Override
    public ConnectorException translate(WireResponse response) {
        return classify(read(response.status(), errorObject(response), response));
    }

    /** The exception for an {@code error} element inside a {@code searchStream} answer. */
    static ConnectorException fromStreamError(WireResponse response, JsonNode error) {
        int status = error.path("code").asInt(0);
        return classify(read(status >= 400 ? status : response.status(), error, response));
    }

    /**
     * Whether the answer refuses the access token itself (expired, revoked, malformed), so that one refresh
     * may help, as opposed to refusing the caller (not an Ads user, wrong developer token, unknown customer).
     */
    @Override
    public boolean isExpiredToken(WireResponse response) {
        if (response.status() != 401) {
            return false;
        }
        GoogleError error = read(401, errorObject(response), response);
        return error.code() == null
                || ("authenticationError".equals(error.category()) && STALE_TOKEN_CODES.contains(error.code()));
    }

    /**
     * Whether Google refused the call for its {@code developer-token} header alone
     * ({@code DEVELOPER_TOKEN_PROHIBITED}), as a version that no longer takes the retired header may; a wrong
     * token ({@code DEVELOPER_TOKEN_INVALID}) is not this and stays a refusal.
     */
    static boolean refusesDeveloperToken(ConnectorException e) {
        return e.platformCode() != null && e.platformCode().endsWith(".DEVELOPER_TOKEN_PROHIBITED");
    }

    private static ConnectorException classify(GoogleError e) {
        Details details = new Details(GOOGLE, e.status(), e.platformCode(), e.requestId(),
                "Google Ads answered " + (e.statusName() == null ? "http " + e.status() : e.statusName())
                        + ": " + e.message());
        if ("CUSTOMER_NOT_FOUND".equals(e.code())) {
            return new ConnectorException.NotFound(details);
        }
        if (e.category() != null) {
            switch (e.category()) {
                case "authenticationError" -> {
                    return new ConnectorException.Auth(details);
                }
                case "authorizationError" -> {
                    return new ConnectorException.Permission(details);
                }
                case "quotaError" -> {
                    return "ACCESS_PROHIBITED".equals(e.code())
                            ? new ConnectorException.Permission(details)
                            : new ConnectorException.RateLimited(details, e.retryDelay());
                }
                case "internalError" -> {
                    return new ConnectorException.Transient(details);
                }
                default -> {
                    // request, query, header and field errors: the status (400) says it all
                }
            }
        }
        int status = e.status();
        if (status == 429) {
            return new ConnectorException.RateLimited(details, e.retryDelay());
        }
        if (status == 401) {
            return new ConnectorException.Auth(details);
        }
        if (status == 403) {
            return new ConnectorException.Permission(details);
        }
        if (status == 404 && "NOT_FOUND".equals(e.statusName())) {
            return new ConnectorException.NotFound(details);
        }
        if (status >= 500) {
            return new ConnectorException.Transient(details, e.retryDelay(), null);
        }
        if (status >= 400) {
            // Includes a bare 404 page: an unknown path, e.g. an API version that was sunset.
            return new ConnectorException.InvalidRequest(details);
        }
        return new ConnectorException.BadResponse(details);
    }

    /** The {@code error} object of the body, also when a stream wraps it in an array; null when there is none. */
    private static JsonNode errorObject(WireResponse response) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            return null;
        }
        if (body != null && body.isArray() && !body.isEmpty()) {
            body = body.get(0);
        }
        JsonNode error = body == null ? null : body.get("error");
        return error != null && error.isObject() ? error : null;
    }

    private static GoogleError read(int status, JsonNode error, WireResponse response) {
        String headerRequestId = headerRequestId(response);
        Duration headerDelay = RetryAfter.parse(response);
        if (error == null) {
            return new GoogleError(status, null, "no Google error body", null, null, null, headerDelay, headerRequestId);
        }
        String category = null;
        String code = null;
        String message = Json.text(error, "message");
        String reason = null;
        Duration delay = null;
        String requestId = headerRequestId;
        for (JsonNode detail : error.path("details")) {
            String type = detail.path("@type").asString("");
            if (type.endsWith(".errors.GoogleAdsFailure")) {
                if (requestId == null) {
                    requestId = Json.text(detail, "requestId");
                }
                for (JsonNode adsError : detail.path("errors")) {
                    var field = adsError.path("errorCode").properties().stream().findFirst();
                    if (code == null && field.isPresent()) {
                        category = field.get().getKey();
                        code = field.get().getValue().asString();
                        message = Json.text(adsError, "message") == null ? message : Json.text(adsError, "message");
                    }
                    if (delay == null) {
                        delay = RetryAfter.parseProtobufDuration(
                                Json.text(adsError.path("details").path("quotaErrorDetails"), "retryDelay"));
                    }
                }
            } else if (type.endsWith("google.rpc.RetryInfo") && delay == null) {
                delay = RetryAfter.parseProtobufDuration(Json.text(detail, "retryDelay"));
            } else if (type.endsWith("google.rpc.ErrorInfo") && reason == null) {
                reason = Json.text(detail, "reason");
            }
        }
        return new GoogleError(status, Json.text(error, "status"), message == null ? "no message" : message,
                category, code, reason, delay != null ? delay : headerDelay, requestId);
    }
}
