package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Errors raised by Tomcat before the application sees the request, and Spring Boot's error path, are problems
 * like every other error: no HTML page, no stack trace, no server version.
 */
class ErrorsOutsideControllersTest {

    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        http = new Http(TestApp.baseUrl(app), TestApp.READ_KEY.key());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "encoded slash in the path, /stores/%2F, 400, invalid-request",
            "encoded NUL in the path, /stores/%00, 400, invalid-request",
            "the error path itself, /error, 404, not-found",
            "encoded dot segments, /stores/%2e%2e/healthz, 404, not-found"})
    void areProblems(String what, String path, int status, String kind) {
        assertProblem(http.get(path), status, kind);
        assertProblem(http.withKey(null).get(path), status == 404 ? 401 : status,
                status == 404 ? "unauthorized" : kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"with a key, true", "without a key, false"})
    void anOversizedHeaderIsAProblem(String what, boolean withKey) {
        Http client = withKey ? http : http.withKey(null);
        assertProblem(client.send("GET", "/stores", Map.of("X-Padding", "a".repeat(20_000)), BodyPublishers.noBody()),
                400, "invalid-request");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({"application/xml", "text/html"})
    void anUnacceptableAcceptHeaderIsAProblem(String accept) {
        assertProblem(http.send("GET", "/stores", Map.of("Accept", accept), BodyPublishers.noBody()), 406,
                "not-acceptable");
    }

    private static void assertProblem(Http.Reply reply, int status, String kind) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://syncledger.dev/problems/" + kind);
        assertThat(reply.body()).doesNotContain("Tomcat", "<html", "Exception", "trace");
    }
}
