package com.syncledger.connectors.meta;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Translates Graph API error answers into {@link ConnectorException}s. Meta classifies by its own
 * {@code error.code} (most errors come with HTTP 400 whatever they mean), so the code decides first and the
 * HTTP status only when the body is not a Graph error.
 */
final class MetaErrors implements ErrorTranslator {

    private static final Platform META = Platform.META;

    /** App, user, page and ad-account request limits; 80000-80014 are the business-use-case limits. */
    private static final Set<Integer> THROTTLE_CODES = java.util.Set.of(4, 17, 32, 613);
    /** Insights query timed out on Meta's side: a smaller range or a later retry may pass. */
    private static final int SUBCODE_INSIGHTS_TIMEOUT = 1504018;
    /**
     * "Object with ID ... does not exist, cannot be loaded due to missing permissions ...": Meta does not say
     * which, so it is reported as not found (the message carries Meta's wording).
     */
    private static final int SUBCODE_UNKNOWN_OBJECT = 33;


    /**
     * Whether Meta answered that no access token came with the request (code 104): what a Graph API that does
     * not read the {@code Authorization} header says to a request carrying the token only there.
     */
    static boolean tokenMissing(WireResponse response) {
        JsonNode error = graphError(response);
        return error != null && intField(error, "code") == 104;
    }

    /** The request id of an answer: Meta's trace id header (the body's {@code fbtrace_id}) or its request id. */
    @Override
    public String requestId(WireResponse response) {
        return response.firstHeader("x-fb-trace-id", "x-fb-request-id");
    }

    /** The exception for a non-2xx answer. */
    @Override
    public ConnectorException translate(WireResponse response) {
        JsonNode error = graphError(response);
        if (error == null) {
            return byStatus(response);
        }
        int code = intField(error, "code");
        int subcode = intField(error, "error_subcode");
        String message = Optional.ofNullable(Json.text(error, "message")).orElse("no message");
        String requestId = Optional.ofNullable(requestId(response)).orElse(Json.text(error, "fbtrace_id"));
        Details details = new Details(META, response.status(), platformCode(code, subcode), requestId,
                "Meta answered: " + message);

        if (THROTTLE_CODES.contains(code) || (code >= 80000 && code <= 80014)) {
            return new ConnectorException.RateLimited(details, MetaUsage.regainAccess(response).orElse(null));
        }
        if (code == 190 || code == 102 || code == 104) {
            return new ConnectorException.Auth(details);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return new ConnectorException.Permission(details);
        }
        if (code == 100) {
            if (subcode == SUBCODE_UNKNOWN_OBJECT) {
                return new ConnectorException.NotFound(details);
            }
            if (subcode == SUBCODE_INSIGHTS_TIMEOUT) {
                return new ConnectorException.Transient(details);
            }
            // A wrong or missing app secret proof is a credential problem, though Meta files it under 100.
            if (message.contains("appsecret_proof")) {
                return new ConnectorException.Auth(details);
            }
            return new ConnectorException.InvalidRequest(details);
        }
        if (code == 1 || code == 2 || error.path("is_transient").asBoolean(false) || response.status() >= 500) {
            return new ConnectorException.Transient(details);
        }
        if (response.status() >= 400) {
            return new ConnectorException.InvalidRequest(details);
        }
        return new ConnectorException.BadResponse(details);
    }

    /** The answer when the body is not a Graph error envelope (a proxy's HTML page, an empty body). */
    private ConnectorException byStatus(WireResponse response) {
        int status = response.status();
        Details details = new Details(META, status, null, requestId(response),
                "Meta answered http " + status + " without a Graph error body");
        if (status == 429) {
            return new ConnectorException.RateLimited(details, MetaUsage.regainAccess(response).orElse(null));
        }
        if (status >= 500) {
            return new ConnectorException.Transient(details);
        }
        // Meta names an unknown object in a Graph body (code 100, subcode 33); a bare 404 is a refused request.
        return status == 404
                ? new ConnectorException.InvalidRequest(details)
                : ErrorTranslator.byStatus(details, response);
    }

    /** The {@code error} object of a Graph error body, or null when the body is not one. */
    private static JsonNode graphError(WireResponse response) {
        try {
            JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
            return error.isObject() ? error : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static int intField(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() || value.isString() ? value.asInt(0) : 0;
    }

    private static String platformCode(int code, int subcode) {
        if (code == 0) {
            return null;
        }
        return subcode == 0 ? String.valueOf(code) : code + "/" + subcode;
    }

    /** Meta's usage headers, read for the one hint they give: how long until access comes back. */
    static final class MetaUsage {

        private MetaUsage() {
        }

        /**
         * The longest wait any usage header announces: {@code estimated_time_to_regain_access} (minutes) of
         * {@code x-business-use-case-usage} and {@code reset_time_duration} of {@code x-ad-account-usage}
         * (seconds; the field name and unit are not firmly documented, so it is read only when present).
         */
        static Optional<Duration> regainAccess(WireResponse response) {
            Duration longest = Duration.ZERO;
            JsonNode buc = header(response, "x-business-use-case-usage");
            if (buc != null) {
                for (JsonNode entries : buc) {
                    for (JsonNode entry : entries) {
                        longest = max(longest, Duration.ofMinutes(entry.path("estimated_time_to_regain_access").asLong(0)));
                    }
                }
            }
            JsonNode account = header(response, "x-ad-account-usage");
            if (account != null) {
                longest = max(longest, Duration.ofSeconds(account.path("reset_time_duration").asLong(0)));
            }
            return longest.isZero() ? Optional.empty() : Optional.of(longest);
        }

        private static JsonNode header(WireResponse response, String name) {
            return response.header(name).map(value -> {
                try {
                    JsonNode node = Json.MAPPER.readTree(value);
                    return node != null && node.isObject() ? node : null;
                } catch (JacksonException e) {
                    return null; // an unreadable usage header only costs the hint
                }
            }).orElse(null);
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
