package com.syncledger.connectors.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Snapchat answer that is not spend, and the error it becomes. */
class SnapchatErrorsTest {

    private static String envelope(String code, String message) {
        return """
                {"request_status":"ERROR","request_id":"rid-body","debug_message":"%s",\
                "display_message":"We're sorry","error_code":"%s"}""".formatted(message, code);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                // status, body, extra header, kind, platform code, request id, retryable
                Arguments.of(400, envelope("E2002", "Unsupported Stats Query: more than 32 days"), null,
                        ErrorKind.INVALID_REQUEST, "E2002", "rid-body", false),
                Arguments.of(401, envelope("E1002", "Unauthorized"), null, ErrorKind.AUTH, "E1002", "rid-body", false),
                Arguments.of(403, envelope("E1006", "Forbidden"), null,
                        ErrorKind.PERMISSION, "E1006", "rid-body", false),
                Arguments.of(404, envelope("E3003", "Resource can not be found"), null,
                        ErrorKind.NOT_FOUND, "E3003", "rid-body", false),
                Arguments.of(405, envelope("E1000", "Method not allowed"), null,
                        ErrorKind.INVALID_REQUEST, "E1000", "rid-body", false),
                Arguments.of(429, envelope("E1008", "Rate limit exceeded"), null,
                        ErrorKind.RATE_LIMITED, "E1008", "rid-body", true),
                Arguments.of(500, envelope("E1001", "Internal error"), null,
                        ErrorKind.TRANSIENT, "E1001", "rid-body", true),
                Arguments.of(502, "<html>Bad Gateway</html>", "X-Request-Id",
                        ErrorKind.TRANSIENT, null, "rid-header", true),
                Arguments.of(503, "", null, ErrorKind.TRANSIENT, null, null, true));
    }

    @ParameterizedTest(name = "http {0} -> {3}")
    @MethodSource("answers")
    void errorAnswersAreClassifiedByStatus(int status, String body, String requestIdHeader, ErrorKind kind,
            String code, String requestId, boolean retryable) {
        Map<String, List<String>> headers = requestIdHeader == null ? Map.of()
                : Map.of(requestIdHeader, List.of("rid-header"));

        ConnectorException error = new SnapchatErrors().translate(response(status, body, headers));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platform()).isEqualTo(Platform.SNAPCHAT);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo(requestId);
        assertThat(error.retryable()).isEqualTo(retryable);
    }

    @Test
    void aRetryAfterOnThrottlingIsHonouredWhenSent() {
        ConnectorException error = new SnapchatErrors().translate(
                response(429, envelope("E1008", "slow down"), Map.of("Retry-After", List.of("12"))));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void theDebugMessageIsKeptForTheOperator() {
        ConnectorException error = new SnapchatErrors().translate(
                response(400, envelope("E2002", "Unsupported Stats Query: start of day"), Map.of()));

        assertThat(error.getMessage()).contains("http 400").contains("Unsupported Stats Query: start of day");
    }

    @Test
    void aSuccessfulStatusWithAnErrorEnvelopeIsABadResponse() {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> new SnapchatErrors().successBody(response(200, envelope("E9999", "odd"), Map.of())));

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).isEqualTo("rid-body");
    }

    @Test
    void aSuccessfulStatusWithoutJsonIsABadResponse() {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> new SnapchatErrors().successBody(response(200, "<html>maintenance</html>", Map.of())));

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
    }

    static WireResponse response(int status, String body, Map<String, List<String>> headers) {
        return new WireResponse(status, HttpHeaders.of(headers, (name, value) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
