package com.syncledger.connectors.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.wire.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each Amazon Ads answer means, table by table. */
class AmazonAdsErrorsTest {

    static Stream<Arguments> apiAnswers() {
        return Stream.of(
                // status, body, headers, kind, platform code, request id
                Arguments.of(400, "{\"code\":\"400\",\"detail\":\"startDate to endDate range (32 days) must not exceed"
                        + " maximum range (31 days)\"}", List.of("x-amzn-RequestId", "R400"),
                        ErrorKind.INVALID_REQUEST, "400", "R400"),
                Arguments.of(401, "{\"code\":\"401\",\"details\":\"Authentication failed\",\"requestId\":\"K144VZX9J0CCDG4229C5\"}",
                        List.of(), ErrorKind.AUTH, "401", "K144VZX9J0CCDG4229C5"),
                Arguments.of(401, "{\"code\":\"UNAUTHORIZED\",\"details\":\"Not authorized to access scope 3141592653589793\"}",
                        List.of("x-amz-rid", "RID1"), ErrorKind.PERMISSION, "UNAUTHORIZED", "RID1"),
                Arguments.of(403, "{\"code\":\"NOT_AUTHORIZED\",\"details\":\"Advertiser not accessible\",\"requestId\":\"B\"}",
                        List.of(), ErrorKind.PERMISSION, "NOT_AUTHORIZED", "B"),
                Arguments.of(404, "{\"code\":\"404\",\"detail\":\"Report not found\"}", List.of(),
                        ErrorKind.NOT_FOUND, "404", null),
                Arguments.of(406, "{\"code\":\"406\",\"details\":\"Report date is too far in the past.\"}", List.of(),
                        ErrorKind.INVALID_REQUEST, "406", null),
                Arguments.of(415, "{\"code\":\"415\",\"detail\":\"Cannot consume content type\"}", List.of(),
                        ErrorKind.INVALID_REQUEST, "415", null),
                Arguments.of(425, "{\"code\":\"425\",\"detail\":\"The Request is a duplicate\"}", List.of(),
                        ErrorKind.TRANSIENT, "425", null),
                Arguments.of(429, "{\"code\":\"429\",\"detail\":\"Too Many Requests\"}",
                        List.of("Retry-After", "7", "x-amzn-RequestId", "T1"), ErrorKind.RATE_LIMITED, "429", "T1"),
                Arguments.of(429, "{\"message\":\"Too many requests\"}", List.of(), ErrorKind.RATE_LIMITED, null, null),
                Arguments.of(500, "{\"code\":\"500\",\"detail\":\"Internal Server Error\"}", List.of(),
                        ErrorKind.TRANSIENT, "500", null),
                Arguments.of(502, "<html>Bad Gateway</html>", List.of(), ErrorKind.TRANSIENT, null, null),
                Arguments.of(302, "", List.of(), ErrorKind.BAD_RESPONSE, null, null));
    }

    @ParameterizedTest
    @MethodSource("apiAnswers")
    void apiAnswersMapToTheirKind(int status, String body, List<String> headers, ErrorKind kind, String code,
            String requestId) {
        ConnectorException error = new AmazonAdsErrors().translate(response(status, body, headers));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo(requestId);
    }

    @Test
    void throttlingCarriesRetryAfter() {
        ConnectorException error = new AmazonAdsErrors().translate(
                response(429, "{\"code\":\"429\",\"detail\":\"Too Many Requests\"}", List.of("Retry-After", "7")));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void theHeaderRequestIdWinsOverTheBodys() {
        WireResponse response = response(401, "{\"code\":\"401\",\"details\":\"x\",\"requestId\":\"BODY\"}",
                List.of("x-amzn-RequestId", "HEADER"));

        assertThat(new AmazonAdsErrors().requestId(response)).isEqualTo("HEADER");
    }

    @Test
    void aDuplicateNamesTheReportToPoll() {
        String id = "a15115d8-3da4-49a4-95d5-cc0a3af5f85d";

        assertThat(AmazonAdsErrors.duplicateOf(response(425,
                "{\"code\":\"425\",\"detail\":\"The Request is a duplicate of : " + id + "\"}", List.of()))).contains(id);
        assertThat(AmazonAdsErrors.duplicateOf(response(425,
                "{\"code\":\"425\",\"details\":\"The Request is a duplicate of:" + id + "\"}", List.of()))).contains(id);
        assertThat(AmazonAdsErrors.duplicateOf(response(425,
                "{\"code\":\"425\",\"detail\":\"The Request is a duplicate\"}", List.of()))).isEmpty();
        assertThat(AmazonAdsErrors.duplicateOf(response(400,
                "{\"code\":\"400\",\"detail\":\"duplicate of : " + id + "\"}", List.of()))).isEmpty();
    }

    @Test
    void aProductTheProfileLacksIsRecognisedOnlyInA400() {
        String kdp = "{\"code\":\"400\",\"detail\":\"KDP authors do not have access to Sponsored Brands functionality\"}";
        String tactic = "{\"code\":\"400\",\"detail\":\"Tactic T00020 is not supported for report API in marketplace"
                + " A1C3SOZRARQ6R3.\"}";

        assertThat(AmazonAdsErrors.productUnavailable(response(400, kdp, List.of()))).isTrue();
        assertThat(AmazonAdsErrors.productUnavailable(response(400, tactic, List.of()))).isTrue();
        assertThat(AmazonAdsErrors.productUnavailable(response(400,
                "{\"code\":\"400\",\"detail\":\"Invalid groupBy\"}", List.of()))).isFalse();
        assertThat(AmazonAdsErrors.productUnavailable(response(403, kdp, List.of()))).isFalse();
    }

    static Stream<Arguments> downloadAnswers() {
        return Stream.of(
                Arguments.of(403, "AccessDenied", "Request has expired", ErrorKind.TRANSIENT),
                Arguments.of(403, "SignatureDoesNotMatch", "The request signature we calculated does not match",
                        ErrorKind.TRANSIENT),
                Arguments.of(400, "InvalidArgument", "Only one auth mechanism allowed", ErrorKind.INVALID_REQUEST),
                Arguments.of(404, "NoSuchKey", "The specified key does not exist.", ErrorKind.NOT_FOUND),
                Arguments.of(503, "SlowDown", "Please reduce your request rate.", ErrorKind.RATE_LIMITED),
                Arguments.of(500, "InternalError", "We encountered an internal error.", ErrorKind.TRANSIENT));
    }

    @ParameterizedTest
    @MethodSource("downloadAnswers")
    void downloadAnswersMapToTheirKind(int status, String code, String message, ErrorKind kind) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>S3R</RequestId></Error>";

        ConnectorException error = AmazonAdsErrors.downloadError(response(status, xml, List.of("x-amz-request-id", "S3R")));

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.platformCode()).isEqualTo(code);
        assertThat(error.requestId()).isEqualTo("S3R");
        assertThat(error.getMessage()).contains(message);
    }

    private static WireResponse response(int status, String body, List<String> headerPairs) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; i + 1 < headerPairs.size(); i += 2) {
            headers.computeIfAbsent(headerPairs.get(i), k -> new ArrayList<>()).add(headerPairs.get(i + 1));
        }
        return new WireResponse(status, HttpHeaders.of(headers, (k, v) -> true), body.getBytes(StandardCharsets.UTF_8));
    }
}
