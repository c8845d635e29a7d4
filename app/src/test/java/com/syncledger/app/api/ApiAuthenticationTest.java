package com.syncledger.app.api;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static com.syncledger.app.database.TestApp.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.ApiEndpoints.Endpoint;
import com.syncledger.app.database.TestApp;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/** Every endpoint of the running service, as Spring itself lists them, refuses callers without the right key. */
class ApiAuthenticationTest {

    private static final String UNAUTHORIZED = "https://syncledger.dev/problems/unauthorized";
    private static final String FORBIDDEN = "https://syncledger.dev/problems/forbidden";

    /** Served without a key, and nothing else is. */
    private static final List<String> PUBLIC = List.of("/healthz", "/actuator/health/liveness",
            "/actuator/health/readiness", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html");

    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        http = new Http(TestApp.baseUrl(app), null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Every controller endpoint and exposed actuator operation, except the public health probes. */
    static Stream<Endpoint> protectedEndpoints() {
        List<Endpoint> all = new ArrayList<>(ApiEndpoints.controllers(app));
        all.addAll(ApiEndpoints.actuator(app));
        all.add(new Endpoint("GET", "/actuator"));
        return all.stream().filter(e -> !PUBLIC.contains(e.examplePath()));
    }

    @Test
    void theEndpointListIsTheRealOne() {
        List<String> endpoints = protectedEndpoints().map(Endpoint::toString).toList();
        assertThat(endpoints).contains("POST /stores", "GET /stores/{storeId}", "PUT /stores/{storeId}",
                "DELETE /stores/{storeId}/accounts/{accountId}", "GET /stores/{storeId}/spend",
                "POST /stores/{storeId}/baselines", "GET /stores/{storeId}/sync-runs", "GET /actuator/prometheus",
                "GET /actuator/info", "GET /actuator/health");
        assertThat(endpoints).noneMatch(e -> e.contains("/actuator/env") || e.contains("/actuator/configprops")
                || e.contains("/actuator/beans") || e.contains("/actuator/heapdump"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void refusesAMissingKey(Endpoint endpoint) {
        Http.Reply reply = call(http, endpoint);
        assertUnauthorized(reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void refusesAWrongKey(Endpoint endpoint) {
        assertUnauthorized(call(http.withKey("slk_not-a-configured-key"), endpoint));
        assertUnauthorized(call(http.withKey(WRITE_KEY.key() + "x"), endpoint));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void refusesTheReadRoleForWritesAndLetsItRead(Endpoint endpoint) {
        Http.Reply reply = call(http.withKey(READ_KEY.key()), endpoint);
        if (endpoint.method().equals("GET")) {
            assertThat(reply.status()).as("read key on %s", endpoint).isNotIn(401, 403);
        } else {
            assertThat(reply.status()).as("read key on %s", endpoint).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo(FORBIDDEN);
            assertThat(reply.json().get("detail").asString()).contains("write");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void letsTheWriteRoleThrough(Endpoint endpoint) {
        assertThat(call(http.withKey(WRITE_KEY.key()), endpoint).status()).as("write key on %s", endpoint)
                .isNotIn(401, 403);
    }

    @Test
    void refusesOtherSchemesAndMalformedHeaders() {
        for (String authorization : List.of("Basic " + WRITE_KEY.key(), WRITE_KEY.key(), "Bearer", "Bearer  ",
                "Token " + WRITE_KEY.key())) {
            assertUnauthorized(http.send("GET", "/stores", Map.of("Authorization", authorization),
                    HttpRequest.BodyPublishers.noBody()));
        }
        assertThat(http.send("GET", "/stores", Map.of("Authorization", "bearer " + WRITE_KEY.key()),
                HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(200);
    }

    @Test
    void aRefusalSaysNothingAboutWhyTheKeyWasWrong() {
        Http.Reply missing = http.get("/stores/1");
        Http.Reply wrong = http.withKey("slk_guess").get("/stores/1");
        assertThat(wrong.body()).isEqualTo(missing.body());
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(missing.header("WWW-Authenticate"));
        assertThat(missing.json().get("detail").asString()).doesNotContain("slk_guess");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs",
            "/swagger-ui/index.html"})
    void publicPathsNeedNoKey(String path) {
        assertThat(http.get(path).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs/../stores", "/swagger-ui/../stores", "/swagger-ui/..%2F..%2Fstores",
            "/healthz/../stores", "/healthz;x=1", "/actuator/health", "/actuator/health/db", "/nonexistent",
            "/error", "/v3/api-docs/%2e%2e/stores"})
    void pathsThatOnlyLookPublicNeedAKey(String path) {
        assertThat(http.get(path).status()).as(path).isIn(400, 401);
    }

    @Test
    void unknownPathsAreNotFoundOnlyForAKeyHolder() {
        assertUnauthorized(http.get("/no-such-path"));
        Http.Reply reply = http.withKey(READ_KEY.key()).get("/no-such-path");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("type").asString()).isEqualTo("https://syncledger.dev/problems/not-found");
    }

    private static Http.Reply call(Http client, Endpoint endpoint) {
        boolean withBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
        return client.send(endpoint.method(), endpoint.examplePath(), withBody ? "{}" : null);
    }

    private static void assertUnauthorized(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().get("type").asString()).isEqualTo(UNAUTHORIZED);
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    }
}
