package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.ErrorTranslator;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.RetryAfter;
import com.syncledger.connectors.wire.WireResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns Microsoft Advertising REST faults into {@link ConnectorException}s. The REST API answers a fault
 * with an HTTP 4xx/5xx and a JSON body of {@code "Type"} {@code AdApiFaultDetail} ({@code Errors}: auth,
 * throttling, missing headers), {@code ApiFaultDetail} (Reporting: {@code OperationErrors},
 * {@code BatchErrors}) or {@code ApiFault} (Customer Management, no symbolic {@code ErrorCode}). The
 * numeric {@code Code} decides; which HTTP status goes with which code is not documented, so the status
 * only decides when there is no readable code.
 */
final class MicrosoftErrors implements ErrorTranslator {

    static final Platform PLATFORM = Platform.MICROSOFT;
    /** The request id: the {@code TrackingId} response header (also in every fault body). */
    static final String TRACKING_ID = "TrackingId";
    /** 117 is a per-minute limit over a sliding 60 seconds; Microsoft says to wait that long. */
    private static final Duration CALL_RATE_WINDOW = Duration.ofSeconds(60);
    private static final String EXPIRED_TOKEN = "109";

    private static final Map<String, ErrorKind> KIND_BY_CODE = Map.ofEntries(
            Map.entry("0", ErrorKind.TRANSIENT),              // InternalError
            Map.entry("105", ErrorKind.AUTH),                 // InvalidCredentials (token or developer token)
            Map.entry("106", ErrorKind.PERMISSION),           // UserIsNotAuthorized
            Map.entry("108", ErrorKind.AUTH),                 // UserCompromised
            Map.entry("109", ErrorKind.AUTH),                 // AuthenticationTokenExpired (after the one refresh)
            Map.entry("116", ErrorKind.INVALID_REQUEST),      // RequestMissingHeaders
            Map.entry("117", ErrorKind.RATE_LIMITED),         // CallRateExceeded
            Map.entry("119", ErrorKind.NOT_FOUND),            // InvalidAccountId
            Map.entry("120", ErrorKind.AUTH),                 // UserLoginAccessDenied
            Map.entry("122", ErrorKind.AUTH),                 // PersonalIdentityNotAvailable
            Map.entry("123", ErrorKind.AUTH),                 // WorkIdentityNotAvailable
            Map.entry("124", ErrorKind.AUTH),                 // PersonalIdentityMigratedToWork
            Map.entry("125", ErrorKind.AUTH),                 // PersonalIdentityNotAllowedByCustomer
            Map.entry("207", ErrorKind.RATE_LIMITED),         // ConcurrentRequestOverLimit (report jobs)
            Map.entry("208", ErrorKind.NOT_FOUND),            // InvalidAccount
            Map.entry("210", ErrorKind.NOT_FOUND),            // EntityNotExistent
            Map.entry("1001", ErrorKind.PERMISSION),          // Customer Management: user not authorized
            Map.entry("1102", ErrorKind.NOT_FOUND),           // CampaignServiceInvalidAccountId
            Map.entry("2003", ErrorKind.PERMISSION),          // ReportingServiceAccountNotAuthorized
            Map.entry("2004", ErrorKind.TRANSIENT),           // ReportingServiceNoCompleteDataAvaliable: try later
            Map.entry("2023", ErrorKind.NOT_FOUND),           // ReportingServiceInvalidAccountIdInAccountReportScope
            Map.entry("2035", ErrorKind.NOT_FOUND),           // ReportingServiceInvalidAccountIds
            Map.entry("2100", ErrorKind.TRANSIENT),           // ReportingServiceInvalidReportId: submit again
            Map.entry("2101", ErrorKind.TRANSIENT),           // ReportingServiceReportNotFound: submit again
            Map.entry("2108", ErrorKind.NOT_FOUND),           // Customer Management: account identifier invalid
            Map.entry("2208", ErrorKind.TRANSIENT));          // Customer Management: system issue, try later

    /** The first error of a fault body. */
    record Fault(String code, String errorCode, String message, String trackingId) {
    }

    private final String operation;

    /** @param operation the operation whose answers these are, named in every message */
    MicrosoftErrors(String operation) {
        this.operation = operation;
    }


    /** The request id of any answer: the {@code TrackingId} header, else the one in the fault body. */
    @Override
    public String requestId(WireResponse response) {
        String header = response.firstHeader(TRACKING_ID);
        if (header != null) {
            return header;
        }
        Fault fault = fault(response);
        return fault == null ? null : fault.trackingId();
    }

    /** Whether the answer says the access token expired, so one refresh may help. */
    @Override
    public boolean isExpiredToken(WireResponse response) {
        Fault fault = fault(response);
        return fault != null && EXPIRED_TOKEN.equals(fault.code());
    }

    /** The exception for a non-2xx answer to {@code operation}. */
    @Override
    public ConnectorException translate(WireResponse response) {
        Fault fault = fault(response);
        String requestId = response.firstHeader(TRACKING_ID);
        if (requestId == null && fault != null) {
            requestId = fault.trackingId();
        }
        int status = response.status();
        String code = fault == null ? null : fault.code();
        String message = PLATFORM.displayName() + " " + operation + " failed (http " + status + ")"
                + (fault == null ? "" : ": " + describe(fault));
        Details details = new Details(PLATFORM, status, code, requestId, message);
        ErrorKind kind = code == null ? null : KIND_BY_CODE.get(code);
        if (kind == null) {
            kind = kindOfStatus(status, fault != null);
        }
        return switch (kind) {
            case AUTH -> new ConnectorException.Auth(details);
            case PERMISSION -> new ConnectorException.Permission(details);
            case RATE_LIMITED -> new ConnectorException.RateLimited(details, retryAfter(response, code));
            case TRANSIENT -> new ConnectorException.Transient(details, RetryAfter.parse(response), null);
            case NOT_FOUND -> new ConnectorException.NotFound(details);
            case INVALID_REQUEST -> new ConnectorException.InvalidRequest(details);
            case TIMEOUT, BAD_RESPONSE -> new ConnectorException.BadResponse(details);
        };
    }

    /** Without a readable code: 4xx with a fault body is our request's fault; without one, a stranger's page. */
    private static ErrorKind kindOfStatus(int status, boolean hasFault) {
        if (status == 401) {
            return ErrorKind.AUTH;
        }
        if (status == 403) {
            return ErrorKind.PERMISSION;
        }
        if (status == 429) {
            return ErrorKind.RATE_LIMITED;
        }
        if (status >= 500) {
            return ErrorKind.TRANSIENT;
        }
        return hasFault ? ErrorKind.INVALID_REQUEST : ErrorKind.BAD_RESPONSE;
    }

    /** Retry-After is not documented for this API: honour it when sent, else the documented 60 s for 117. */
    private static Duration retryAfter(WireResponse response, String code) {
        Duration header = RetryAfter.parse(response);
        if (header != null) {
            return header;
        }
        return "117".equals(code) ? CALL_RATE_WINDOW : null;
    }

    private static String describe(Fault fault) {
        StringBuilder text = new StringBuilder(String.valueOf(fault.code()));
        if (fault.errorCode() != null) {
            text.append(' ').append(fault.errorCode());
        }
        if (fault.message() != null) {
            text.append(" - ").append(fault.message());
        }
        return text.toString();
    }

    /** The first error of any of the three fault shapes; null when the body is not a readable fault. */
    static Fault fault(WireResponse response) {
        JsonNode body = Json.objectOrNull(response);
        if (body == null) {
            return null;
        }
        String trackingId = Json.text(body, "TrackingId");
        for (String list : new String[] {"Errors", "OperationErrors", "BatchErrors"}) {
            JsonNode errors = body.get(list);
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                return new Fault(Json.text(first, "Code"), Json.text(first, "ErrorCode"), Json.text(first, "Message"),
                        trackingId);
            }
        }
        return null;
    }
}
