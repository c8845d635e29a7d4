package com.syncledger.connectors.pinterest;

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

/** Every Pinterest error answer and the error it becomes. */
class PinterestErrorsTest {

    @ParameterizedTest(name = "http {0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // status | body | Retry-After | kind | code | retryable | retry after (s)
            "400 | {\"code\":1,\"message\":\"Invalid ad account analytics parameters.\"} | - | INVALID_REQUEST | 1 | false | -",
            "400 | {\"code\":1,\"message\":\"You can only get data from the last 90 days.\"} | - | INVALID_REQUEST | 1 | false | -",
            "400 | {\"code\":1,\"message\":\"Analytics are busy. Retry after 30 seconds.\"} | - | RATE_LIMITED | 1 | true | 30",
            "400 | {\"code\":12,\"message\":\"Sorry! Something went wrong on our end.\"} | - | TRANSIENT | 12 | true | -",
            "401 | {\"code\":2,\"message\":\"Authentication failed.\"} | - | AUTH | 2 | false | -",
            "401 | {\"code\":3,\"message\":\"Your token does not have sufficient permissions.\"} | - | PERMISSION | 3 | false | -",
            "403 | {\"code\":29,\"message\":\"You are not permitted to access that resource.\"} | - | PERMISSION | 29 | false | -",
            "404 | {\"code\":2,\"message\":\"AdAccount not found.\"} | - | NOT_FOUND | 2 | false | -",
            "429 | {\"code\":8,\"message\":\"This request exceeded a rate limit.\"} | - | RATE_LIMITED | 8 | true | -",
            "429 | {\"code\":8,\"message\":\"This request exceeded a rate limit.\"} | 7 | RATE_LIMITED | 8 | true | 7",
            "500 | {\"code\":500,\"message\":\"Internal Server Error\"} | - | TRANSIENT | 500 | true | -",
            "502 | <html>Bad Gateway</html> | - | TRANSIENT | - | true | -",
            "503 | {\"code\":4197,\"message\":\"The endpoint has been ramped down.\"} | - | INVALID_REQUEST | 4197 | false | -",
            "410 | {\"code\":1,\"message\":\"Gone\"} | - | INVALID_REQUEST | 1 | false | -"})
    void errorAnswersAreClassified(int status, String body, String retryAfter, ErrorKind kind, String code,
            boolean retryable, Long retryAfterSeconds) {
        Map<String, List<String>> headers = retryAfter == null
                ? Map.of("x-pinterest-rid", List.of("rid-42"))
                : Map.of("x-pinterest-rid", List.of("rid-42"), "Retry-After", List.of(retryAfter));

        ConnectorException error = new PinterestErrors().translate(new WireResponse(status,
                HttpHeaders.of(headers, (name, value) -> true), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platform()).isEqualTo(Platform.PINTEREST);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo("rid-42");
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.retryAfter().orElse(null))
                .isEqualTo(retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
    }
}
