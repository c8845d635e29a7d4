package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * The one place that turns Snapchat answers into {@link ConnectorException}s. Snap's error envelope is
 * {@code {"request_status":"ERROR","request_id":…,"debug_message":…,"display_message":…,"error_code":"E3003"}};
 * the error-code catalogue is not published, so the kind is decided by the HTTP status and the code is
 * only carried along.
 */
final class SnapchatErrors implements ErrorTranslator {

    private static final Platform SNAPCHAT = Platform.SNAPCHAT;


    /**
     * The body of a successful answer. Snap spells {@code request_status} both {@code SUCCESS} (live) and
     * {@code success} (docs), so it is compared case-insensitively.
     *
     * @throws ConnectorException for an error status, a body that is not JSON or a status other than success
     */
    JsonNode successBody(WireResponse response) {
        if (!response.isSuccess()) {
            throw translate(response);
        }
        String headerRequestId = headerRequestId(response);
        JsonNode body = Json.parse(SNAPCHAT, response, headerRequestId);
        String status = Json.text(body, "request_status");
        if (!isSuccess(status)) {
            throw new ConnectorException.BadResponse(new Details(SNAPCHAT, response.status(),
                    Json.text(body, "error_code"), requestId(body, headerRequestId),
                    "Snapchat answered http " + response.status() + " with request_status " + status
                            + describe(body)));
        }
        return body;
    }

    @Override
    public String requestId(WireResponse response) {
        return requestId(Json.objectOrNull(response), headerRequestId(response));
    }

    static boolean isSuccess(String status) {
        return "success".equalsIgnoreCase(status == null ? null : status.trim());
    }

    /** The request id Snap put in the body, else in a header; null when neither is there. */
    static String requestId(JsonNode body, String headerRequestId) {
        String fromBody = Json.text(body, "request_id");
        return fromBody != null ? fromBody : headerRequestId;
    }

    /** Translates an error answer (any status outside 2xx) by its HTTP status. */
    @Override
    public ConnectorException translate(WireResponse response) {
        JsonNode body = Json.objectOrNull(response);
        int status = response.status();
        String code = Json.text(body, "error_code");
        String requestId = requestId(body, headerRequestId(response));
        Details details = new Details(SNAPCHAT, status, code, requestId,
                "Snapchat answered http " + status + describe(body));
        // No Retry-After is documented for Snap; one is honoured if it comes.
        return ErrorTranslator.byStatus(details, response);
    }

    /** A shape Snap did not document; never read as zero. */
    static ConnectorException.BadResponse badResponse(String requestId, String message) {
        return new ConnectorException.BadResponse(new Details(SNAPCHAT, 200, null, requestId, "Snapchat " + message));
    }

    private static String headerRequestId(WireResponse response) {
        return response.firstHeader("X-Request-Id", "Request-Id");
    }

    private static String describe(JsonNode body) {
        if (body == null) {
            return "";
        }
        String debug = Json.text(body, "debug_message");
        String display = Json.text(body, "display_message");
        String text = debug != null ? debug : display;
        return text == null ? "" : ": " + text;
    }
}
