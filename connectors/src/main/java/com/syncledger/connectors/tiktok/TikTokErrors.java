package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads TikTok's envelope {@code {code, message, request_id, data}}. TikTok answers application errors with
 * HTTP 200 and a non-zero {@code code}; other HTTP statuses come only from its gateway (wrong path, outage).
 */
final class TikTokErrors implements ErrorTranslator {

    private static final Platform TIKTOK = Platform.TIKTOK;

    /** Code 0 is success; 20001 is "partial success", which TikTok documents as a success to log. */
    static final long OK = 0;
    static final long PARTIAL_SUCCESS = 20001;

    private static final Set<Long> RATE_LIMITED = Set.of(40016L, 40100L, 40133L);
    private static final Set<Long> AUTH = Set.of(40101L, 40102L, 40104L, 40105L, 40107L, 40110L, 40113L, 40115L);
    private static final Set<Long> PERMISSION = Set.of(40001L, 40106L, 40118L, 40119L, 40125L, 41000L);
    private static final Set<Long> NOT_FOUND = Set.of(40007L, 40300L, 40301L);
    private static final Set<Long> TRANSIENT = Set.of(50000L, 50002L, 51305L, 60001L);


    /** A successful answer: the envelope's {@code data} and the request id TikTok gave it. */
    record Answer(JsonNode data, String requestId, long code) {
    }

    /** The envelope's data on success; otherwise the matching {@link ConnectorException}. */
    Answer unwrap(WireResponse response) {
        if (response.status() != 200) {
            throw translate(response);
        }
        JsonNode body = Json.parse(TIKTOK, response, null);
        String requestId = Json.text(body, "request_id");
        JsonNode code = body.get("code");
        if (code == null || !code.canConvertToLong()) {
            throw new ConnectorException.BadResponse(new Details(TIKTOK, 200, null, requestId,
                    "TikTok answered without a numeric 'code' in its envelope"));
        }
        long value = code.longValue();
        if (value != OK && value != PARTIAL_SUCCESS) {
            throw forCode(200, value, Json.text(body, "message"), requestId);
        }
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new ConnectorException.BadResponse(new Details(TIKTOK, 200, String.valueOf(value), requestId,
                    "TikTok answered code " + value + " without a 'data' object"));
        }
        return new Answer(data, requestId, value);
    }

    /** TikTok puts its request id in the body, error answers included. */
    @Override
    public String requestId(WireResponse response) {
        JsonNode body = Json.objectOrNull(response);
        return Json.text(body, "request_id");
    }

    /** What a non-zero envelope code means for SyncLedger. */
    static ErrorKind kindOf(long code) {
        if (RATE_LIMITED.contains(code)) {
            return ErrorKind.RATE_LIMITED;
        }
        if (AUTH.contains(code)) {
            return ErrorKind.AUTH;
        }
        if (PERMISSION.contains(code)) {
            return ErrorKind.PERMISSION;
        }
        if (NOT_FOUND.contains(code)) {
            return ErrorKind.NOT_FOUND;
        }
        // Unlisted 5xxxx/6xxxx codes are TikTok-side failures; unlisted 4xxxx codes are about the request.
        if (TRANSIENT.contains(code) || code >= 50000) {
            return ErrorKind.TRANSIENT;
        }
        return ErrorKind.INVALID_REQUEST;
    }

    static ConnectorException forCode(int httpStatus, long code, String message, String requestId) {
        Details d = new Details(TIKTOK, httpStatus, String.valueOf(code), requestId,
                "TikTok error " + code + ": " + (message == null ? "(no message)" : message) + hint(code));
        return switch (kindOf(code)) {
            case RATE_LIMITED -> new ConnectorException.RateLimited(d, null);
            case AUTH -> new ConnectorException.Auth(d);
            case PERMISSION -> new ConnectorException.Permission(d);
            case NOT_FOUND -> new ConnectorException.NotFound(d);
            case TRANSIENT -> new ConnectorException.Transient(d);
            default -> new ConnectorException.InvalidRequest(d);
        };
    }

    private static String hint(long code) {
        if (code == 40102 || code == 40105) {
            return " (TikTok Marketing API tokens are not refreshable: re-authorize the advertiser and set"
                    + " TIKTOK_ACCESS_TOKEN)";
        }
        if (code == 40104) {
            return " (set TIKTOK_ACCESS_TOKEN)";
        }
        return "";
    }

    /** A non-200 status: TikTok's gateway, not the API, answered. */
    @Override
    public ConnectorException translate(WireResponse response) {
        JsonNode body = Json.objectOrNull(response);
        int status = response.status();
        Details d = new Details(TIKTOK, status, Json.text(body, "code"), requestId(response), "TikTok answered HTTP "
                + status + Json.said(Json.text(body, "message"))
                + (status == 404 ? " (no such endpoint: check TIKTOK_BASE_URL and TIKTOK_API_VERSION)" : ""));
        if (status >= 500) {
            return new ConnectorException.Transient(d);
        }
        // A 404 from the gateway is a wrong endpoint, not an unknown advertiser (that is an envelope code).
        return status == 404 ? new ConnectorException.InvalidRequest(d) : ErrorTranslator.byStatus(d, response);
    }
}
