package com.syncledger.connectors.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Graph API error shape SyncLedger expects, and what it becomes. */
class MetaErrorsTest {

    private static final String BUC = "{\"1234567890\":[{\"type\":\"ads_insights\",\"call_count\":104,"
            + "\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":7,"
            + "\"ads_api_access_tier\":\"standard_access\"}]}";

    static Stream<Arguments> answers() {
        return Stream.of(
                // throttling: codes 4, 17, 32, 613 and 80000-80014, with or without a usage hint
                row(400, graph(80000, 2446079, "(#80000) There have been too many calls from this ad-account."),
                        Map.of("x-business-use-case-usage", BUC), ErrorKind.RATE_LIMITED, "80000/2446079",
                        Duration.ofMinutes(7)),
                row(400, graph(80004, 0, "(#80004) too many calls to ads_management"), Map.of(), ErrorKind.RATE_LIMITED,
                        "80004", null),
                row(400, graph(17, 2446079, "(#17) User request limit reached"),
                        Map.of("x-app-usage", "{\"call_count\":100,\"total_time\":20,\"total_cputime\":20}"),
                        ErrorKind.RATE_LIMITED, "17/2446079", null),
                row(400, graph(4, 1504022, "(#4) Application request limit reached"),
                        Map.of("x-ad-account-usage", "{\"acc_id_util_pct\":100,\"reset_time_duration\":120}"),
                        ErrorKind.RATE_LIMITED, "4/1504022", Duration.ofSeconds(120)),
                row(400, graph(613, 1487742, "(#613) Calls to this api have exceeded the rate limit."),
                        Map.of("x-business-use-case-usage", "not json"), ErrorKind.RATE_LIMITED, "613/1487742", null),
                row(400, graph(32, 0, "(#32) Page request limit reached"), Map.of(), ErrorKind.RATE_LIMITED, "32", null),
                // credentials
                row(400, graph(190, 463, "Error validating access token: Session has expired"), Map.of(),
                        ErrorKind.AUTH, "190/463", null),
                row(400, graph(190, 460, "Error validating access token: password changed"), Map.of(),
                        ErrorKind.AUTH, "190/460", null),
                row(400, graph(190, 0, "Invalid OAuth access token - Cannot parse access token"), Map.of(),
                        ErrorKind.AUTH, "190", null),
                row(400, graph(104, 0, "An access token is required to request this resource."), Map.of(),
                        ErrorKind.AUTH, "104", null),
                row(400, graph(100, 0, "Invalid appsecret_proof provided in the API argument"), Map.of(),
                        ErrorKind.AUTH, "100", null),
                // permission
                row(403, graph(200, 0, "(#200) Requires business_management permission to manage the object"),
                        Map.of(), ErrorKind.PERMISSION, "200", null),
                row(400, graph(10, 0, "(#10) Application does not have permission for this action"), Map.of(),
                        ErrorKind.PERMISSION, "10", null),
                row(400, graph(294, 0, "(#294) Managing advertisements requires an access token with ads_read"),
                        Map.of(), ErrorKind.PERMISSION, "294", null),
                // the account or the request
                row(400, graph(100, 33, "Unsupported get request. Object with ID 'act_1' does not exist"), Map.of(),
                        ErrorKind.NOT_FOUND, "100/33", null),
                row(400, graph(100, 0, "(#100) level must be one of the following values"), Map.of(),
                        ErrorKind.INVALID_REQUEST, "100", null),
                row(400, graph(3018, 0, "(#3018) The start date of the time range cannot be beyond 37 months"),
                        Map.of(), ErrorKind.INVALID_REQUEST, "3018", null),
                row(400, graph(2635, 0, "(#2635) You are calling a deprecated version of the Ads API."), Map.of(),
                        ErrorKind.INVALID_REQUEST, "2635", null),
                // Meta's side
                row(400, graph(100, 1504018, "Your request timed out. Please use a smaller date range"), Map.of(),
                        ErrorKind.TRANSIENT, "100/1504018", null),
                row(500, graph(1, 0, "Please reduce the amount of data you're asking for, then retry your request"),
                        Map.of(), ErrorKind.TRANSIENT, "1", null),
                row(503, transientGraph(2, "(#2) Service temporarily unavailable"), Map.of(), ErrorKind.TRANSIENT,
                        "2", null),
                row(400, transientGraph(1, "An unknown error occurred"), Map.of(), ErrorKind.TRANSIENT, "1", null),
                // not a Graph body at all
                row(502, "<html><body>Bad Gateway</body></html>", Map.of(), ErrorKind.TRANSIENT, null, null),
                row(429, "", Map.of(), ErrorKind.RATE_LIMITED, null, null),
                row(404, "not found", Map.of(), ErrorKind.INVALID_REQUEST, null, null));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("answers")
    void classifies(int status, String body, Map<String, String> headers, ErrorKind kind, String code, Duration hint) {
        ConnectorException error = new MetaErrors().translate(response(status, body, headers));
        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.retryAfter().orElse(null)).isEqualTo(hint);
        assertThat(error.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("answers")
    void keepsTheTraceIdOfTheHeader(int status, String body, Map<String, String> headers, ErrorKind kind) {
        Map<String, String> withTrace = new LinkedHashMap<>(headers);
        withTrace.put("x-fb-trace-id", "HeaderTrace1");
        withTrace.put("x-fb-request-id", "HeaderRequest1");
        assertThat(new MetaErrors().translate(response(status, body, withTrace)).requestId()).isEqualTo("HeaderTrace1");
    }

    @org.junit.jupiter.api.Test
    void fallsBackToTheRequestIdHeaderThenToTheBodysTraceId() {
        String body = graph(190, 463, "expired");
        assertThat(new MetaErrors().translate(response(400, body, Map.of("x-fb-request-id", "Req9"))).requestId())
                .isEqualTo("Req9");
        assertThat(new MetaErrors().translate(response(400, body, Map.of())).requestId()).isEqualTo("BodyTrace");
    }

    private static Arguments row(int status, String body, Map<String, String> headers, ErrorKind kind, String code,
            Duration hint) {
        return Arguments.of(status, body, headers, kind, code, hint);
    }

    private static String graph(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"BodyTrace\"}}";
    }

    private static String transientGraph(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"is_transient\":true,"
                + "\"code\":" + code + ",\"fbtrace_id\":\"BodyTrace\"}}";
    }

    static WireResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return new WireResponse(status, HttpHeaders.of(map, (k, v) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}
