package com.syncledger.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
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

/** Every Reddit error answer seen in the field, and what it becomes. */
class RedditErrorsTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                // status, body, extra headers, kind, platform code, message part, retry hint (seconds)
                row(400, "{\"error\":{\"code\":400,\"message\":\"invalid field: campaign_name\"}}", Map.of(),
                        ErrorKind.INVALID_REQUEST, "400", "invalid field: campaign_name", null),
                row(400, "{\"error\":{\"code\":400,\"message\":\"invalid ad_account identifier\"}}", Map.of(),
                        ErrorKind.INVALID_REQUEST, "400", "invalid ad_account identifier", null),
                row(400, "{\"success\":false,\"error\":{\"reason\":\"BAD_REQUEST\",\"explanation\":\"Unknown Ad Account\"}}",
                        Map.of(), ErrorKind.NOT_FOUND, "BAD_REQUEST", "Unknown Ad Account", null),
                row(404, "{\"error\":{\"code\":404,\"message\":\"The specified resource was not found\"}}", Map.of(),
                        ErrorKind.NOT_FOUND, "404", "not found", null),
                row(403, "{\"success\":false,\"error\":{\"reason\":\"UNAUTHORIZED\",\"explanation\":"
                        + "\"Insufficient authentication scopes\"}}", Map.of(),
                        ErrorKind.PERMISSION, "UNAUTHORIZED", "Insufficient authentication scopes", null),
                row(401, "{\"message\":\"Unauthorized\",\"error\":401}", Map.of(),
                        ErrorKind.AUTH, "401", "Unauthorized", null),
                row(410, "{\"error\":{\"code\":410,\"message\":\"Gone\"}}", Map.of(),
                        ErrorKind.INVALID_REQUEST, "410", "Gone", null),
                row(429, "{\"message\":\"Too Many Requests\",\"error\":429}",
                        Map.of("x-ratelimit-reset", "42", "x-ratelimit-remaining", "0.0"),
                        ErrorKind.RATE_LIMITED, "429", "Too Many Requests", 42L),
                row(429, "", Map.of("x-ratelimit-reset", "41.2"), ErrorKind.RATE_LIMITED, null, "no JSON", 42L),
                row(429, "<html>Too Many Requests</html>", Map.of("Retry-After", "10"),
                        ErrorKind.RATE_LIMITED, null, "no JSON", 10L),
                row(429, "{}", Map.of(), ErrorKind.RATE_LIMITED, null, "no error message", null),
                row(500, "<html>upstream error</html>", Map.of(), ErrorKind.TRANSIENT, null, "no JSON", null),
                row(503, "{\"error\":{\"code\":503,\"message\":\"Service Unavailable\"}}", Map.of("Retry-After", "5"),
                        ErrorKind.TRANSIENT, "503", "Service Unavailable", 5L),
                row(408, "", Map.of(), ErrorKind.TRANSIENT, null, "no JSON", null),
                row(418, "{\"error\":{\"code\":418,\"message\":\"odd\"}}", Map.of(),
                        ErrorKind.INVALID_REQUEST, "418", "odd", null),
                row(302, "", Map.of("Location", "https://www.reddit.com/login"), ErrorKind.BAD_RESPONSE, null, "302", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answers")
    void mapsTheAnswer(int status, String body, Map<String, String> headers, ErrorKind kind, String code,
            String messagePart, Long retrySeconds) {
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        all.put("x-request-id", List.of("req-123"));
        WireResponse response = new WireResponse(status, HttpHeaders.of(all, (k, v) -> true),
                body.getBytes(StandardCharsets.UTF_8));

        ConnectorException error = new RedditErrors().translate(response);

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platform()).isEqualTo(Platform.REDDIT);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo("req-123");
        assertThat(error.getMessage()).contains(messagePart);
        assertThat(error.retryAfter()).isEqualTo(java.util.Optional.ofNullable(retrySeconds).map(Duration::ofSeconds));
        assertThat(error.retryable()).isEqualTo(kind == ErrorKind.RATE_LIMITED || kind == ErrorKind.TRANSIENT);
    }

    private static Arguments row(int status, String body, Map<String, String> headers, ErrorKind kind, String code,
            String messagePart, Long retrySeconds) {
        return Arguments.of(status, body, headers, kind, code, messagePart, retrySeconds);
    }
}
