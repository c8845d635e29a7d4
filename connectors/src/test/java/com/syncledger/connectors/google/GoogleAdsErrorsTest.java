package com.syncledger.connectors.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.wire.Json;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Google Ads error shape SyncLedger expects, what it becomes, and whether a token refresh may help. */
class GoogleAdsErrorsTest {

    private static final String FAILURE = "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure";

    static Stream<Arguments> answers() {
        return Stream.of(
                // throttling, with the retry delay in the quota details or in a RetryInfo
                row(429, wrapped(ads(429, "RESOURCE_EXHAUSTED", "quotaError", "RESOURCE_EXHAUSTED",
                        "{\"quotaErrorDetails\":{\"rateScope\":\"DEVELOPER\",\"retryDelay\":\"40591s\"}}")),
                        ErrorKind.RATE_LIMITED, "quotaError.RESOURCE_EXHAUSTED", Duration.ofSeconds(40591), false),
                row(429, envelope(429, "RESOURCE_EXHAUSTED",
                        "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1.500s\"}"),
                        ErrorKind.RATE_LIMITED, "RESOURCE_EXHAUSTED", Duration.ofMillis(1500), false),
                row(429, ads(429, "RESOURCE_EXHAUSTED", "quotaError", "RESOURCE_TEMPORARILY_EXHAUSTED", null),
                        ErrorKind.RATE_LIMITED, "quotaError.RESOURCE_TEMPORARILY_EXHAUSTED", null, false),
                row(403, ads(403, "PERMISSION_DENIED", "quotaError", "ACCESS_PROHIBITED", null),
                        ErrorKind.PERMISSION, "quotaError.ACCESS_PROHIBITED", null, false),
                // the access token itself: worth one refresh
                row(401, envelope(401, "UNAUTHENTICATED", "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                        + "\"reason\":\"ACCESS_TOKEN_EXPIRED\",\"domain\":\"googleapis.com\"}"),
                        ErrorKind.AUTH, "ACCESS_TOKEN_EXPIRED", null, true),
                row(401, ads(401, "UNAUTHENTICATED", "authenticationError", "OAUTH_TOKEN_EXPIRED", null),
                        ErrorKind.AUTH, "authenticationError.OAUTH_TOKEN_EXPIRED", null, true),
                row(401, ads(401, "UNAUTHENTICATED", "authenticationError", "OAUTH_TOKEN_REVOKED", null),
                        ErrorKind.AUTH, "authenticationError.OAUTH_TOKEN_REVOKED", null, true),
                row(401, "", ErrorKind.AUTH, null, null, true),
                // the caller: no refresh helps
                row(401, ads(401, "UNAUTHENTICATED", "authenticationError", "NOT_ADS_USER", null),
                        ErrorKind.AUTH, "authenticationError.NOT_ADS_USER", null, false),
                row(401, wrapped(ads(401, "UNAUTHENTICATED", "authenticationError", "DEVELOPER_TOKEN_INVALID", null)),
                        ErrorKind.AUTH, "authenticationError.DEVELOPER_TOKEN_INVALID", null, false),
                row(401, wrapped(ads(401, "UNAUTHENTICATED", "authenticationError", "CUSTOMER_NOT_FOUND", null)),
                        ErrorKind.NOT_FOUND, "authenticationError.CUSTOMER_NOT_FOUND", null, false),
                row(403, wrapped(ads(403, "PERMISSION_DENIED", "authorizationError", "USER_PERMISSION_DENIED", null)),
                        ErrorKind.PERMISSION, "authorizationError.USER_PERMISSION_DENIED", null, false),
                row(403, ads(403, "PERMISSION_DENIED", "authorizationError", "CUSTOMER_NOT_ENABLED", null),
                        ErrorKind.PERMISSION, "authorizationError.CUSTOMER_NOT_ENABLED", null, false),
                row(403, ads(403, "PERMISSION_DENIED", "authorizationError",
                        "CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION", null),
                        ErrorKind.PERMISSION, "authorizationError.CLOUD_PROJECT_NOT_APPROVED_FOR_PRODUCTION", null, false),
                // the request
                row(400, wrapped(ads(400, "INVALID_ARGUMENT", "requestError", "INVALID_CUSTOMER_ID", null)),
                        ErrorKind.INVALID_REQUEST, "requestError.INVALID_CUSTOMER_ID", null, false),
                row(400, ads(400, "INVALID_ARGUMENT", "queryError", "UNRECOGNIZED_FIELD", null),
                        ErrorKind.INVALID_REQUEST, "queryError.UNRECOGNIZED_FIELD", null, false),
                row(400, ads(400, "INVALID_ARGUMENT", "queryError", "REQUESTED_METRICS_FOR_MANAGER", null),
                        ErrorKind.INVALID_REQUEST, "queryError.REQUESTED_METRICS_FOR_MANAGER", null, false),
                row(400, envelope(400, "INVALID_ARGUMENT", "{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\"}"),
                        ErrorKind.INVALID_REQUEST, "INVALID_ARGUMENT", null, false),
                row(404, "<html><title>Error 404 (Not Found)</title></html>", ErrorKind.INVALID_REQUEST, null, null, false),
                row(404, envelope(404, "NOT_FOUND", null), ErrorKind.NOT_FOUND, "NOT_FOUND", null, false),
                // Google's side
                row(500, wrapped(ads(500, "INTERNAL", "internalError", "INTERNAL_ERROR", null)),
                        ErrorKind.TRANSIENT, "internalError.INTERNAL_ERROR", null, false),
                row(503, envelope(503, "UNAVAILABLE", null), ErrorKind.TRANSIENT, "UNAVAILABLE", null, false),
                row(504, envelope(504, "DEADLINE_EXCEEDED", null), ErrorKind.TRANSIENT, "DEADLINE_EXCEEDED", null, false),
                row(502, "<html>Bad Gateway</html>", ErrorKind.TRANSIENT, null, null, false));
    }

    @ParameterizedTest(name = "{0} {2} {3}")
    @MethodSource("answers")
    void classifies(int status, String body, ErrorKind kind, String code, Duration delay, boolean staleToken) {
        WireResponse response = response(status, body, Map.of());
        ConnectorException error = new GoogleAdsErrors().translate(response);
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.retryAfter().orElse(null)).isEqualTo(delay);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(new GoogleAdsErrors().isExpiredToken(response)).isEqualTo(staleToken);
    }

    @Test
    void theRequestIdComesFromTheHeaderElseFromTheFailure() {
        String body = ads(403, "PERMISSION_DENIED", "authorizationError", "USER_PERMISSION_DENIED", null);
        assertThat(new GoogleAdsErrors().translate(response(403, body, Map.of("request-id", "hdr-1"))).requestId())
                .isEqualTo("hdr-1");
        assertThat(new GoogleAdsErrors().translate(response(403, body, Map.of())).requestId()).isEqualTo("body-req-1");
    }

    @Test
    void aRetryAfterHeaderIsTheFallbackHint() {
        String body = envelope(429, "RESOURCE_EXHAUSTED", null);
        assertThat(new GoogleAdsErrors().translate(response(429, body, Map.of("Retry-After", "12"))).retryAfter())
                .contains(Duration.ofSeconds(12));
    }

    @Test
    void anErrorInsideASuccessfulStreamUsesItsOwnCode() {
        String body = "[{\"results\":[]},{\"error\":" + error(500, "INTERNAL", null) + "}]";
        WireResponse response = response(200, body, Map.of("request-id", "stream-1"));
        ConnectorException error = GoogleAdsErrors.fromStreamError(response,
                Json.MAPPER.readTree(body).get(1).get("error"));
        assertThat(error.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.requestId()).isEqualTo("stream-1");
    }

    private static Arguments row(int status, String body, ErrorKind kind, String code, Duration delay, boolean stale) {
        return Arguments.of(status, body, kind, code, delay, stale);
    }

    private static String ads(int code, String status, String category, String value, String details) {
        String adsError = "{\"errorCode\":{\"" + category + "\":\"" + value + "\"},\"message\":\"" + value + " happened\""
                + (details == null ? "" : ",\"details\":" + details) + "}";
        return envelope(code, status, "{\"@type\":\"" + FAILURE + "\",\"errors\":[" + adsError
                + "],\"requestId\":\"body-req-1\"}");
    }

    private static String envelope(int code, String status, String detail) {
        return "{\"error\":" + error(code, status, detail) + "}";
    }

    private static String error(int code, String status, String detail) {
        return "{\"code\":" + code + ",\"message\":\"" + status + " message\",\"status\":\"" + status + "\""
                + (detail == null ? "" : ",\"details\":[" + detail + "]") + "}";
    }

    private static String wrapped(String envelope) {
        return "[" + envelope + "]";
    }

    static WireResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return new WireResponse(status, HttpHeaders.of(map, (k, v) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}
