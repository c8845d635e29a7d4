package com.syncledger.connectors.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every TikTok error answer and the error it becomes: envelope codes on HTTP 200, where TikTok's API puts
 * its errors, and other statuses, which come from its gateway.
 */
class TikTokErrorsTest {

    private final TikTokErrors errors = new TikTokErrors();

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // envelope code | kind | retryable | message part
            "40100 | RATE_LIMITED | true | 40100",
            "40016 | RATE_LIMITED | true | 40016",
            "40105 | AUTH | false | not refreshable",
            "40104 | AUTH | false | set TIKTOK_ACCESS_TOKEN",
            "40001 | PERMISSION | false | 40001",
            "40007 | NOT_FOUND | false | 40007",
            "50000 | TRANSIENT | true | 50000",
            "51999 | TRANSIENT | true | 51999",
            "40002 | INVALID_REQUEST | false | 40002"})
    void envelopeCodesOnHttp200AreClassified(long code, ErrorKind kind, boolean retryable, String messagePart) {
        WireResponse response = response(200, "{\"code\":" + code + ",\"message\":\"said\",\"request_id\":\"tt-7\","
                + "\"data\":{}}", Map.of());

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> errors.unwrap(response));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platform()).isEqualTo(Platform.TIKTOK);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.platformCode()).isEqualTo(String.valueOf(code));
        assertThat(error.requestId()).isEqualTo("tt-7").isEqualTo(errors.requestId(response));
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.getMessage()).contains(messagePart);
    }

    @ParameterizedTest(name = "http {0} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // status | body | Retry-After | kind | code | request id | retry after (s) | message part
            "401 | {\"code\":40105,\"message\":\"Access token is invalid\",\"request_id\":\"gw-1\"} | - | AUTH | 40105 | gw-1 | - | Access token is invalid",
            "403 | <html>Forbidden</html> | - | PERMISSION | - | - | - | 403",
            "404 | - | - | INVALID_REQUEST | - | - | - | TIKTOK_BASE_URL",
            "429 | {\"code\":40100,\"message\":\"Too many requests\",\"request_id\":\"gw-2\"} | 3 | RATE_LIMITED | 40100 | gw-2 | 3 | Too many requests",
            "500 | <html>Internal Server Error</html> | - | TRANSIENT | - | - | - | 500",
            "504 | - | - | TRANSIENT | - | - | - | 504",
            "302 | - | - | BAD_RESPONSE | - | - | - | 302"})
    void gatewayStatusesAreClassified(int status, String body, String retryAfter, ErrorKind kind, String code,
            String requestId, Long retryAfterSeconds, String messagePart) {
        WireResponse response = response(status, body, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));

        ConnectorException translated = errors.translate(response);
        ConnectorException unwrapped = catchThrowableOfType(ConnectorException.class, () -> errors.unwrap(response));

        for (ConnectorException error : List.of(translated, unwrapped)) {
            assertThat(error.kind()).isEqualTo(kind);
            assertThat(error.platform()).isEqualTo(Platform.TIKTOK);
            assertThat(error.httpStatus()).isEqualTo(status);
            assertThat(error.platformCode()).isEqualTo(code);
            assertThat(error.requestId()).isEqualTo(requestId);
            assertThat(error.retryAfter().orElse(null))
                    .isEqualTo(retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
            assertThat(error.getMessage()).contains(messagePart);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}} | numeric 'code'",
            "{\"code\":\"zero\",\"request_id\":\"r\",\"data\":{}} | numeric 'code'",
            "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\"} | without a 'data' object"})
    void anEnvelopeThatCannotBeReadIsABadResponse(String body, String messagePart) {
        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> errors.unwrap(response(200, body, Map.of())));
        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.getMessage()).contains(messagePart);
    }

    private static WireResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new HashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new WireResponse(status, HttpHeaders.of(all, (n, v) -> true),
                (body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
    }
}
