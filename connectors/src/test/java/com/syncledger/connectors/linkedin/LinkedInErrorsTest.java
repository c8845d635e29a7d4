package com.syncledger.connectors.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every LinkedIn error answer and the error it becomes, and which 401s are worth one refresh. */
class LinkedInErrorsTest {

    private final LinkedInErrors errors = new LinkedInErrors("202603");

    @ParameterizedTest(name = "http {0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // status | body | Retry-After | kind | code | retryable | retry after (s) | message part | refresh?
            "400 | {\"status\":400,\"serviceErrorCode\":100,\"message\":\"Invalid dateRange\"} | - | INVALID_REQUEST | 100 | false | - | Invalid dateRange | false",
            "401 | {\"status\":401,\"serviceErrorCode\":65602,\"code\":\"EXPIRED_ACCESS_TOKEN\",\"message\":\"The token used in the request has expired\"} | - | AUTH | EXPIRED_ACCESS_TOKEN | false | - | LINKEDIN_REFRESH_TOKEN | true",
            "401 | {\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The token used in the request has been revoked by the user\"} | - | AUTH | REVOKED_ACCESS_TOKEN | false | - | revoked | false",
            "401 | {\"status\":401,\"serviceErrorCode\":65601,\"message\":\"revoked\"} | - | AUTH | 65601 | false | - | revoked | false",
            "401 | <html>Unauthorized</html> | - | AUTH | - | false | - | refused the access token | true",
            "403 | {\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough permissions\"} | - | PERMISSION | ACCESS_DENIED | false | - | Not enough permissions | false",
            "404 | {\"status\":404,\"serviceErrorCode\":0,\"message\":\"Not found\"} | - | NOT_FOUND | 0 | false | - | Not found | false",
            "426 | {\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 202401 is not active\"} | - | INVALID_REQUEST | NONEXISTENT_VERSION | false | - | LINKEDIN_API_VERSION | false",
            "429 | {\"status\":429,\"serviceErrorCode\":101,\"message\":\"Resource level throttle limit reached\"} | - | RATE_LIMITED | 101 | true | - | throttle | false",
            "429 | {\"status\":429,\"message\":\"Too many requests\"} | 30 | RATE_LIMITED | - | true | 30 | Too many requests | false",
            "500 | {\"status\":500,\"message\":\"Internal Server Error\"} | - | TRANSIENT | - | true | - | Internal Server Error | false",
            "503 | <html>Service Unavailable</html> | - | TRANSIENT | - | true | - | 503 | false",
            "302 | - | - | BAD_RESPONSE | - | false | - | 302 | false"})
    void errorAnswersAreClassified(int status, String body, String retryAfter, ErrorKind kind, String code,
            boolean retryable, Long retryAfterSeconds, String messagePart, boolean worthARefresh) {
        Map<String, List<String>> headers = retryAfter == null
                ? Map.of("x-li-uuid", List.of("li-42"))
                : Map.of("x-li-uuid", List.of("li-42"), "Retry-After", List.of(retryAfter));
        WireResponse response = new WireResponse(status, HttpHeaders.of(headers, (name, value) -> true),
                (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));

        ConnectorException error = errors.translate(response);

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platform()).isEqualTo(Platform.LINKEDIN);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo("li-42").isEqualTo(errors.requestId(response));
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.retryAfter().orElse(null))
                .isEqualTo(retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
        assertThat(error.getMessage()).contains(messagePart);
        assertThat(errors.isExpiredToken(response)).isEqualTo(worthARefresh);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x-li-uuid, uuid-1", "x-li-request-id, req-1"})
    void theRequestIdComesFromEitherHeader(String header, String value) {
        WireResponse response = new WireResponse(500, HttpHeaders.of(Map.of(header, List.of(value)), (n, v) -> true),
                new byte[0]);
        assertThat(errors.requestId(response)).isEqualTo(value);
    }
}
