package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn's errors: plain HTTP statuses with a body {@code {status, serviceErrorCode, code?, message}}.
 * The request id comes in the {@code x-li-uuid} (or {@code x-li-request-id}) response header.
 */
final class LinkedInErrors implements ErrorTranslator {

    private static final Platform LINKEDIN = Platform.LINKEDIN;
    private static final String REVOKED = "REVOKED_ACCESS_TOKEN";
    private static final String REVOKED_SERVICE_CODE = "65601";

    private final String apiVersion;

    /** @param apiVersion the version the connector sends, named when LinkedIn no longer serves it */
    LinkedInErrors(String apiVersion) {
        this.apiVersion = apiVersion;
    }


    @Override
    public String requestId(WireResponse response) {
        return response.firstHeader("x-li-uuid", "x-li-request-id");
    }

    /**
     * Whether a refreshed token may succeed. The expired token's exact serviceErrorCode is not documented
     * (UNSURE, likely 65602 with code EXPIRED_ACCESS_TOKEN), so every 401 but a revocation is worth one refresh.
     */
    @Override
    public boolean isExpiredToken(WireResponse response) {
        if (response.status() != 401) {
            return false;
        }
        JsonNode body = Json.objectOrNull(response);
        return body == null || !(REVOKED.equals(Json.text(body, "code"))
                || REVOKED_SERVICE_CODE.equals(Json.text(body, "serviceErrorCode")));
    }

    /** The exception for a non-2xx answer. */
    @Override
    public ConnectorException translate(WireResponse response) {
        int status = response.status();
        JsonNode body = Json.objectOrNull(response);
        String code = Json.text(body, "code");
        String platformCode = code != null ? code : Json.text(body, "serviceErrorCode");
        String said = Json.said(Json.text(body, "message"));
        Details d = new Details(LINKEDIN, status, platformCode, requestId(response), switch (status) {
            case 401 -> "LinkedIn refused the access token" + said
                    + " (re-authorize, or configure LINKEDIN_REFRESH_TOKEN with client id and secret)";
            case 426 -> "LinkedIn no longer serves API version " + apiVersion + said
                    + "; set LINKEDIN_API_VERSION to a current YYYYMM version";
            default -> "LinkedIn answered HTTP " + status + said;
        });
        if (status >= 500) {
            return new ConnectorException.Transient(d);
        }
        // LinkedIn documents no Retry-After; one is honoured on a 429 should it ever come.
        return ErrorTranslator.byStatus(d, response);
    }
}
