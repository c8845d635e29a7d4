package com.syncledger.app.console;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static com.syncledger.app.database.TestApp.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.ApiEndpoints;
import com.syncledger.app.api.ApiEndpoints.Endpoint;
import com.syncledger.app.api.Http;
import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/** The console's door over plain HTTP: sign-in, the session cookie, form tokens, origins, and the API kept apart. */
class ConsoleAccessTest {

    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(
            "a".repeat(32).getBytes(StandardCharsets.UTF_8));

    private static ConfigurableApplicationContext app;
    private static String base;
    private static long storeId;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of(SealingKeys.KEY_VARIABLE, SECRET_KEY));
        base = TestApp.baseUrl(app);
        storeId = new Http(base, WRITE_KEY.key()).post("/stores", """
                {"name": "Door Test", "timeZone": "Europe/Berlin", "billingCurrency": "EUR"}""").json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Endpoint> consoleEndpoints() {
        return ApiEndpoints.console(app).stream();
    }

    @Test
    void theEndpointListIsTheRealOne() {
        assertThat(consoleEndpoints().map(Endpoint::toString)).contains("GET /", "GET /console/stores/{storeId}",
                "GET /console/platforms", "POST /console/stores/{storeId}/accounts", "POST /console/sign-in",
                "GET /console/connections", "POST /console/connections/{connectionId}/revoke");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoleEndpoints")
    void noConsolePageIsReachableWithoutSigningIn(Endpoint endpoint) {
        ConsoleSession anonymous = ConsoleSession.anonymous(base);
        // The connect callback is authorized by its signed, single-use state (ConnectDoorTest), as the platform
        // sends the browser back without the Strict session cookie.
        if (endpoint.pattern().equals("/console/sign-in") || endpoint.pattern().equals("/connect/{platform}/callback")) {
            return;
        }
        if (endpoint.method().equals("GET")) {
            HttpResponse<String> reply = anonymous.get(endpoint.examplePath());
            assertThat(reply.statusCode()).as(endpoint.toString()).isEqualTo(303);
            assertThat(reply.headers().firstValue("Location")).hasValue("/console/sign-in");
        } else {
            assertThat(anonymous.post(endpoint.examplePath(), Map.of(), base).statusCode()).as(endpoint.toString())
                    .isEqualTo(403);
        }
    }

    @Test
    void aWrongKeyIsRefusedAndGetsNoSession() {
        for (String wrong : List.of("slk_not-a-key", WRITE_KEY.key() + "x", "")) {
            HttpResponse<String> reply = ConsoleSession.signIn(base, wrong);
            assertThat(reply.statusCode()).isEqualTo(401);
            assertThat(reply.body()).contains("That key was not accepted");
            assertThat(reply.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndHoldsNoKey() {
        HttpResponse<String> reply = ConsoleSession.signIn(base, WRITE_KEY.key());
        assertThat(reply.statusCode()).isEqualTo(302);
        String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("SYNCLEDGER_CONSOLE=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .doesNotContain(WRITE_KEY.key()).doesNotContain(WRITE_KEY.entry().substring(6));
        assertThat(reply.headers().firstValue("Location").orElseThrow()).doesNotContain(";jsessionid");
    }

    @Test
    void aConsoleSessionDoesNotOpenTheApi() {
        ConsoleSession session = ConsoleSession.signedIn(base, WRITE_KEY.key());
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        Http api = new Http(base, null);
        for (String path : List.of("/stores", "/stores/" + storeId, "/actuator/prometheus")) {
            Http.Reply reply = api.send("GET", path, Map.of("Cookie", session.cookie()), HttpRequest.BodyPublishers.noBody());
            assertThat(reply.status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aPostNeedsTheConsolesOwnOriginAndTheSessionsFormToken() {
        ConsoleSession session = ConsoleSession.signedIn(base, WRITE_KEY.key());
        String page = "/console/stores/" + storeId;
        String token = session.formToken(page);
        Map<String, String> link = Map.of("platform", "meta", "accountId", "1234567", "formToken", token);
        String path = page + "/accounts";

        assertThat(session.post(path, link, "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(session.post(path, link, "http://127.0.0.1:1").statusCode()).isEqualTo(403);
        assertThat(session.post(path, link, null).statusCode()).as("neither Origin nor Referer").isEqualTo(403);
        assertThat(session.post(path, Map.of("platform", "meta", "accountId", "1234567"), base).statusCode())
                .as("no token").isEqualTo(403);
        assertThat(session.post(path, Map.of("platform", "meta", "accountId", "1234567", "formToken", token + "x"), base)
                .statusCode()).as("wrong token").isEqualTo(403);
        assertThat(accountsLinked()).isZero();

        assertThat(session.post(path, link, base).statusCode()).isEqualTo(302);
        assertThat(accountsLinked()).isEqualTo(1);
        assertThat(session.get(page).body()).contains("1234567");
        long accountId = new Http(base, READ_KEY.key()).get("/stores/" + storeId + "/accounts").json().get(0).get("id").asLong();
        assertThat(session.post(page + "/accounts/" + accountId + "/unlink", Map.of("formToken", token), base).statusCode())
                .isEqualTo(302);
        assertThat(accountsLinked()).isZero();
    }

    @Test
    void aStoreWithoutRunsBaselinesOrStatementsSaysSoInEachSection() {
        String page = ConsoleSession.signedIn(base, READ_KEY.key()).get("/console/stores/" + storeId).body();

        assertThat(page.replaceAll("\\s+", " "))
                .contains("<section id=\"sync-runs\"> <h2>Sync runs</h2> <p>No sync has run yet.</p> </section>")
                .contains("<section id=\"baselines\"> <h2>Baselines</h2> <p>No baseline yet.</p> </section>")
                .contains("<section id=\"statements\"> <h2>Statements</h2> <p>No statement issued yet.</p> </section>")
                .doesNotContain("th:");
    }

    @Test
    void theReadRoleSeesNoWriteFormsAndItsPostsAreRefused() {
        ConsoleSession session = ConsoleSession.signedIn(base, READ_KEY.key());
        String page = "/console/stores/" + storeId;
        HttpResponse<String> shown = session.get(page);
        assertThat(shown.body()).doesNotContain("id=\"link-form\"").contains("need the write role");
        String token = session.formToken(page);
        HttpResponse<String> refused = session.post(page + "/accounts",
                Map.of("platform", "meta", "accountId", "7654321", "formToken", token), base);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(accountsLinked()).isZero();
    }

    @Test
    void theConnectionsPageNeedsSigningInAndRevokingNeedsTheWriteRole() {
        ConnectionStore connections = app.getBean(ConnectionStore.class);
        Connection connection = connections.create(Platform.PINTEREST, "Door client", new Grant(Secret.of("door-access"),
                Optional.of(Secret.of("door-refresh")), Optional.empty(), Optional.empty(), List.of("ads:read")),
                List.of("549755885175"));
        String revoke = "/console/connections/" + connection.id() + "/revoke";
        HttpResponse<String> anonymous = ConsoleSession.anonymous(base).get("/console/connections");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/console/sign-in");

        ConsoleSession reader = ConsoleSession.signedIn(base, READ_KEY.key());
        HttpResponse<String> page = reader.get("/console/connections");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Door client").doesNotContain("revoke-button").doesNotContain("connect-form");
        String readToken = reader.formToken("/console/connections");
        HttpResponse<String> refused = reader.post(revoke, Map.of("formToken", readToken), base);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("revoking a connection needs the write role");
        assertThat(reader.get("/console/connections/connect?platform=meta").statusCode()).as("connecting").isEqualTo(403);
        assertThat(connections.find(connection.id()).orElseThrow().status()).isEqualTo(Connection.Status.ACTIVE);
        assertThat(connections.tokens(connection.id())).isPresent();

        ConsoleSession writer = ConsoleSession.signedIn(base, WRITE_KEY.key());
        String writeToken = writer.formToken("/console/connections");
        assertThat(writer.post(revoke, Map.of(), base).statusCode()).as("no form token").isEqualTo(403);
        assertThat(writer.post(revoke, Map.of("formToken", writeToken), "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(connections.tokens(connection.id())).isPresent();
        HttpResponse<String> revoked = writer.post(revoke, Map.of("formToken", writeToken), base);
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/console/connections");
        assertThat(connections.find(connection.id()).orElseThrow().status()).isEqualTo(Connection.Status.REVOKED);
        assertThat(connections.tokens(connection.id())).as("the tokens are wiped").isEmpty();
        assertThat(writer.post("/console/connections/999999/revoke", Map.of("formToken", writeToken), base).statusCode())
                .isEqualTo(404);
        HttpResponse<String> connect = writer.get("/console/connections/connect?platform=meta&label=Door%20two&store=" + storeId);
        assertThat(connect.statusCode()).isEqualTo(302);
        assertThat(connect.headers().firstValue("Location").orElseThrow())
                .endsWith("/connect/meta?label=Door%20two&store=" + storeId);
        assertThat(writer.get("/console/connections/connect?platform=myspace").statusCode()).isEqualTo(400);
    }

    @Test
    void signingInAgainStartsANewSessionAndSigningOutEndsIt() {
        ConsoleSession first = ConsoleSession.signedIn(base, WRITE_KEY.key());
        ConsoleSession second = ConsoleSession.signedIn(base, WRITE_KEY.key());
        assertThat(second.cookie()).isNotEqualTo(first.cookie());
        String token = second.formToken("/");
        assertThat(second.post("/console/sign-out", Map.of("formToken", token), base).statusCode()).isEqualTo(302);
        assertThat(second.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void unknownStoresAndMalformedAddressesArePagesNotTraces() {
        ConsoleSession session = ConsoleSession.signedIn(base, READ_KEY.key());
        HttpResponse<String> missing = session.get("/console/stores/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Not found").doesNotContain("Exception");
        HttpResponse<String> malformed = session.get("/console/stores/abc");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("java.");
        assertThat(session.get("/console/stores/" + storeId + "?months=99").statusCode()).isEqualTo(400);
    }

    private static int accountsLinked() {
        return new Http(base, READ_KEY.key()).get("/stores/" + storeId + "/accounts").json().size();
    }
}
