package com.syncledger.app.connections;

import static com.syncledger.app.database.TestApp.READ_KEY;
import static com.syncledger.app.database.TestApp.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.Http;
import com.syncledger.app.database.TestApp;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may start connecting a platform, and the clear errors of a server that cannot: no secret key, an unknown
 * platform. This server has neither SYNCLEDGER_SECRET_KEY nor any platform's client settings.
 */
class ConnectDoorTest {

    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        base = TestApp.baseUrl(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Http.Reply get(String path, Map<String, String> headers) {
        return new Http(base, null).send("GET", path, headers, HttpRequest.BodyPublishers.noBody());
    }

    private static long statesStored() {
        return app.getBean(JdbcClient.class).sql("select count(*) from connect_state").query(Long.class).single();
    }

    @Test
    void startingNeedsTheWriteRoleFromAKeyOrASignedInSession() {
        Http.Reply anonymous = get("/connect/meta", Map.of("Accept", "text/html"));
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).isEqualTo("/console/sign-in");

        Http.Reply readKey = get("/connect/meta", Map.of("Authorization", "Bearer " + READ_KEY.key()));
        assertThat(readKey.status()).isEqualTo(403);
        assertThat(readKey.json().get("type").asString()).endsWith("/forbidden");

        Http.Reply wrongKey = get("/connect/meta", Map.of("Authorization", "Bearer slk_not-a-key"));
        assertThat(wrongKey.status()).isEqualTo(401);

        String readSession = ConsoleCookie.of(base, READ_KEY.key());
        Http.Reply readRole = get("/connect/meta", Map.of("Cookie", readSession));
        assertThat(readRole.status()).isEqualTo(403);
        assertThat(readRole.body()).contains("needs the write role");

        // The write role passes the door, by key or by session, and meets this server's missing key.
        String writeSession = ConsoleCookie.of(base, WRITE_KEY.key());
        assertThat(get("/connect/meta", Map.of("Cookie", writeSession)).status()).isEqualTo(409);
        assertThat(get("/connect/meta", Map.of("Authorization", "Bearer " + WRITE_KEY.key())).status()).isEqualTo(409);
        assertThat(statesStored()).isZero();
    }

    @Test
    void withoutTheSecretKeyConnectionsSaySoToApiClientsAndBrowsers() {
        Http.Reply api = new Http(base, WRITE_KEY.key()).get("/connect/meta?label=Client%20A");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("type").asString()).endsWith("/not-configured");
        assertThat(api.json().get("reason").asString()).isEqualTo("no_secret_key");
        assertThat(api.json().get("detail").asString()).contains("SYNCLEDGER_SECRET_KEY");

        Http.Reply page = get("/connect/meta", Map.of("Authorization", "Bearer " + WRITE_KEY.key(),
                "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"problem-detail\"").contains("SYNCLEDGER_SECRET_KEY");
        assertThat(statesStored()).isZero();
    }

    @Test
    void anUnknownPlatformIsAClearErrorForBoth() {
        Http.Reply api = new Http(base, WRITE_KEY.key()).get("/connect/myspace");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().get("type").asString()).endsWith("/invalid-input");
        assertThat(api.json().get("detail").asString()).contains("unknown platform").contains("meta");

        String writeSession = ConsoleCookie.of(base, WRITE_KEY.key());
        Http.Reply page = get("/connect/myspace", Map.of("Cookie", writeSession, "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("unknown platform");
    }

    @Test
    void theCallbackNeedsNoSessionButIsRefusedWithoutAStateThisServerSigned() {
        // The platform sends the browser back cross-site: no key, no Strict cookie. The state must authorize it.
        Http.Reply reply = get("/connect/meta/callback?code=abc&state=forged", Map.of("Accept", "application/json"));
        assertThat(reply.status()).as("this server has no key to check a state with").isEqualTo(409);
        assertThat(reply.body()).doesNotContain("abc");
        assertThat(app.getBean(JdbcClient.class).sql("select count(*) from connection").query(Long.class).single())
                .isZero();
    }
}
