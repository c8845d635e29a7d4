package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The one place that turns Pinterest answers into {@link ConnectorException}s. Pinterest's error body is
 * {@code {"code": <int>, "message": "…"}}; the request id travels in the {@code x-pinterest-rid} header.
 */
final class PinterestErrors implements ErrorTranslator {

    private static final Platform PINTEREST = Platform.PINTEREST;
    /** Analytics answers a 400 with this text when it wants the caller to slow down. */
    private static final Pattern RETRY_AFTER_TEXT = Pattern.compile("(?i)retry after (\\d{1,6}) seconds?");
    /** "Your token does not have sufficient permissions" comes with 401 or 403. */
    private static final String INSUFFICIENT_SCOPE = "3";
    /** "The endpoint has been ramped down": a retired API, not a passing outage. */
    private static final String RAMPED_DOWN = "4197";
    /** "Something went wrong" on analytics, which passes. */
    private static final String SOMETHING_WENT_WRONG = "12";

    @Override
    public String requestId(WireResponse response) {
        return response.firstHeader("x-pinterest-rid", "x-request-id");
    }

    /** Translates an error answer (any status outside 2xx). */
    @Override
    public ConnectorException translate(WireResponse response) {
        JsonNode body = Json.objectOrNull(response);
        int status = response.status();
        String code = Json.text(body, "code");
        String message = Json.text(body, "message");
        Details details = new Details(PINTEREST, status, code, requestId(response),
                "Pinterest answered http " + status + Json.said(message));
        if (status >= 500 && RAMPED_DOWN.equals(code)) {
            return new ConnectorException.InvalidRequest(details);
        }
        if (status == 400) {
            return badRequest(details, code, message);
        }
        if (status == 401 && INSUFFICIENT_SCOPE.equals(code)) {
            return new ConnectorException.Permission(details);
        }
        // 429 is code 8. Pinterest's rate-limit headers are not documented reliably; Retry-After is honoured.
        return ErrorTranslator.byStatus(details, response);
    }

    /** Analytics uses 400 for a few passing conditions as well as for bad parameters. */
    private static ConnectorException badRequest(Details details, String code, String message) {
        String text = message == null ? "" : message;
        Matcher retryAfter = RETRY_AFTER_TEXT.matcher(text);
        if (retryAfter.find()) {
            return new ConnectorException.RateLimited(details, Duration.ofSeconds(Long.parseLong(retryAfter.group(1))));
        }
        if (SOMETHING_WENT_WRONG.equals(code) || text.toLowerCase(Locale.ROOT).contains("something went wrong")) {
            return new ConnectorException.Transient(details);
        }
        return new ConnectorException.InvalidRequest(details);
    }

    /** A shape Pinterest did not document; never read as zero. */
    static ConnectorException.BadResponse badResponse(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(PINTEREST, 200, null, requestId, "Pinterest " + message));
    }
}
