package com.syncledger.connectors.reddit;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.RetryAfter;
import com.syncledger.connectors.wire.WireResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The one place that turns Reddit's error answers into {@link ConnectorException}s. Reddit's Ads API
 * answers in two envelope styles, {@code {"error":{"code":400,"message":"..."}}} and
 * {@code {"success":false,"error":{"reason":"BAD_REQUEST","explanation":"..."}}}, and its OAuth layer in a
 * third, {@code {"message":"Unauthorized","error":401}}; all three are read.
 */
final class RedditErrors implements ErrorTranslator {

    private static final Platform REDDIT = Platform.REDDIT;
    private static final int MAX_MESSAGE = 300;


    /**
     * Reddit documents no request-id header for the Ads API (UNSURE); the common spellings are read so an id
     * is kept whenever one is sent.
     */
    @Override
    public String requestId(WireResponse response) {
        return response.firstHeader("x-request-id", "request-id", "x-reddit-request-id");
    }

    @Override
    public ConnectorException translate(WireResponse response) {
        int status = response.status();
        Envelope envelope = Envelope.read(response);
        Details details = new Details(REDDIT, status, envelope.code(), requestId(response),
                "Reddit answered http " + status + ": " + envelope.message());
        return switch (status) {
            case 400, 422 -> envelope.namesUnknownAccount()
                    ? new ConnectorException.NotFound(details)
                    : new ConnectorException.InvalidRequest(details);
            case 401 -> new ConnectorException.Auth(details);
            case 403 -> new ConnectorException.Permission(details);
            case 404 -> new ConnectorException.NotFound(details);
            case 408 -> new ConnectorException.Transient(details);
            // v2 answers 410 Gone since its sunset: a retired API version, not a passing failure.
            case 410 -> new ConnectorException.InvalidRequest(details);
            case 429 -> new ConnectorException.RateLimited(details, retryHint(response));
            default -> ErrorTranslator.byStatus(details, response);
        };
    }

    /**
     * When to come back after a 429. Reddit sends {@code x-ratelimit-reset} (seconds until the window ends,
     * sometimes with a fraction) and usually no {@code Retry-After}; either is taken.
     */
    static Duration retryHint(WireResponse response) {
        Duration reset = seconds(response.header("x-ratelimit-reset").orElse(null));
        return reset != null ? reset : RetryAfter.parse(response);
    }

    private static Duration seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.trim()).setScale(0, RoundingMode.CEILING);
            return seconds.signum() < 0 ? null : Duration.ofSeconds(seconds.longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** The code and message of an error body, whatever its style; never fails. */
    record Envelope(String code, String message) {

        static Envelope read(WireResponse response) {
            JsonNode body = Json.objectOrNull(response);
            if (body == null) {
                return new Envelope(null, "no JSON error body");
            }
            JsonNode error = body.get("error");
            String code;
            String message;
            if (error != null && error.isObject()) {
                code = firstNonNull(Json.text(error, "reason"), Json.text(error, "code"));
                message = firstNonNull(Json.text(error, "message"), Json.text(error, "explanation"));
            } else {
                code = Json.text(body, "error");
                message = firstNonNull(Json.text(body, "message"), Json.text(body, "error_description"));
            }
            return new Envelope(code, message == null ? "no error message" : shorten(message));
        }

        /** "Unknown Ad Account", "ad_account not found": the account does not exist or is not visible. */
        boolean namesUnknownAccount() {
            String text = message.toLowerCase(Locale.ROOT).replace('_', ' ');
            return text.contains("unknown ad account") || text.contains("ad account not found");
        }

        private static String firstNonNull(String a, String b) {
            return a != null ? a : b;
        }

        private static String shorten(String message) {
            String line = message.replaceAll("\\s+", " ").trim();
            return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
        }
    }
}
