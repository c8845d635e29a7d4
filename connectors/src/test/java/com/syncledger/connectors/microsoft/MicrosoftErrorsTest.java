package com.syncledger.connectors.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault shape and code the connector meets, and the error kind it becomes. */
class MicrosoftErrorsTest {

    private static final String TRACKING = "65602e3d-f6ff-4968-920c-e420989c9e31";

    static Stream<Arguments> faults() {
        return Stream.of(
                // status, body, kind, platform code, retry-after seconds (null: none)
                Arguments.of(429, adApi(117, "CallRateExceeded"), ErrorKind.RATE_LIMITED, "117", 60L),
                Arguments.of(400, adApi(117, "CallRateExceeded"), ErrorKind.RATE_LIMITED, "117", 60L),
                Arguments.of(400, apiFaultDetail(207, "ConcurrentRequestOverLimit"), ErrorKind.RATE_LIMITED, "207",
                        null),
                Arguments.of(401, adApi(109, "AuthenticationTokenExpired"), ErrorKind.AUTH, "109", null),
                Arguments.of(401, adApi(105, "InvalidCredentials"), ErrorKind.AUTH, "105", null),
                Arguments.of(400, adApi(116, "RequestMissingHeaders"), ErrorKind.INVALID_REQUEST, "116", null),
                Arguments.of(403, adApi(106, "UserIsNotAuthorized"), ErrorKind.PERMISSION, "106", null),
                Arguments.of(400, apiFaultDetail(2003, "ReportingServiceAccountNotAuthorized"), ErrorKind.PERMISSION,
                        "2003", null),
                Arguments.of(400, apiFaultDetail(2035, "ReportingServiceInvalidAccountIds"), ErrorKind.NOT_FOUND,
                        "2035", null),
                Arguments.of(400, customerApiFault(2108), ErrorKind.NOT_FOUND, "2108", null),
                Arguments.of(400, apiFaultDetail(2011, "ReportingServiceEndDateBeforeStartDate"),
                        ErrorKind.INVALID_REQUEST, "2011", null),
                Arguments.of(400, apiFaultDetail(2100, "ReportingServiceInvalidReportId"), ErrorKind.TRANSIENT,
                        "2100", null),
                Arguments.of(500, adApi(0, "InternalError"), ErrorKind.TRANSIENT, "0", null),
                Arguments.of(400, apiFaultDetail(9999, "SomethingNew"), ErrorKind.INVALID_REQUEST, "9999", null),
                Arguments.of(502, "<html>Bad Gateway</html>", ErrorKind.TRANSIENT, null, null),
                Arguments.of(429, "", ErrorKind.RATE_LIMITED, null, null),
                Arguments.of(401, "", ErrorKind.AUTH, null, null),
                Arguments.of(404, "<html>Not Found</html>", ErrorKind.BAD_RESPONSE, null, null));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void faultBecomesItsKind(int status, String body, ErrorKind kind, String code, Long retryAfterSeconds) {
        ConnectorException error = new MicrosoftErrors("SubmitGenerateReport").translate(response(status, body, Map.of()));
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.retryAfter().map(Duration::toSeconds).orElse(null)).isEqualTo(retryAfterSeconds);
        if (code != null) {
            assertThat(error.requestId()).isEqualTo(TRACKING);
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void theTrackingIdHeaderIsTheRequestId(int status, String body, ErrorKind kind, String code, Long ignored) {
        ConnectorException error = new MicrosoftErrors("PollGenerateReport").translate(
                response(status, body, Map.of("TrackingId", "from-header")));
        assertThat(error.requestId()).isEqualTo("from-header");
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aRetryAfterHeaderWinsWhenSent(int status, String body, ErrorKind kind, String code, Long ignored) {
        ConnectorException error = new MicrosoftErrors("SubmitGenerateReport").translate(
                response(status, body, Map.of("Retry-After", "7")));
        if (kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.TRANSIENT) {
            assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    @ParameterizedTest
    @MethodSource("faults")
    void onlyAnExpiredTokenAsksForARefresh(int status, String body, ErrorKind kind, String code, Long ignored) {
        assertThat(new MicrosoftErrors("GetAccount").isExpiredToken(response(status, body, Map.of()))).isEqualTo("109".equals(code));
    }

    private static String adApi(int code, String errorCode) {
        return "{\"Errors\":[{\"Code\":" + code + ",\"Detail\":null,\"ErrorCode\":\"" + errorCode
                + "\",\"Message\":\"m\"}],\"TrackingId\":\"" + TRACKING + "\",\"Type\":\"AdApiFaultDetail\"}";
    }

    private static String apiFaultDetail(int code, String errorCode) {
        return "{\"OperationErrors\":[{\"Code\":" + code + ",\"ErrorCode\":\"" + errorCode
                + "\",\"Details\":null,\"Message\":\"m\"}],\"BatchErrors\":[],\"TrackingId\":\"" + TRACKING
                + "\",\"Type\":\"ApiFaultDetail\"}";
    }

    private static String customerApiFault(int code) {
        return "{\"TrackingId\":\"" + TRACKING + "\",\"BatchErrors\":[],\"OperationErrors\":[{\"Code\":" + code
                + ",\"Details\":null,\"Message\":\"The account identifier is invalid.\"}],\"Type\":\"ApiFault\"}";
    }

    private static WireResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new HashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return new WireResponse(status, HttpHeaders.of(map, (k, v) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}
