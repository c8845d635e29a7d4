package com.syncledger.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.api.Http;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console's share of the secret-hygiene promise: signing in with good and wrong keys, then every page and
 * form, with a client's connection stored, leaves no API key, at-rest key or connection token in any page, cookie
 * or log line (logs at DEBUG included).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleSecretHygieneTest {

    private static final NewApiKey WRITE = new NewApiKey("slk_SECRET-console-write-5c1e9a", Role.WRITE);
    private static final NewApiKey READ = new NewApiKey("slk_SECRET-console-read-7d3b2f", Role.READ);
    private static final String WRONG = "slk_SECRET-console-wrong-2a8e4c";
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(
            "SECRET-console-at-rest-key-4b8e2".getBytes(StandardCharsets.UTF_8));
    private static final String CONNECTION_ACCESS = "google-SECRET-console-connection-access-3c7f";
    private static final String CONNECTION_REFRESH = "google-SECRET-console-connection-refresh-8a1d";

    @Test
    void noKeyAppearsInAnyPageCookieOrLogLine(CapturedOutput output) {
        StringBuilder served = new StringBuilder();
        try (ConfigurableApplicationContext app = TestApp.start(true,
                Map.of(ApiKeys.VARIABLE, WRITE.entry() + "," + READ.entry(), SealingKeys.KEY_VARIABLE, SECRET_KEY),
                List.of("logging.level.root=INFO", "logging.level.com.syncledger=DEBUG"))) {
            String base = TestApp.baseUrl(app);
            long storeId = new Http(base, WRITE.key()).post("/stores", """
                    {"name": "Hygiene", "timeZone": "UTC", "billingCurrency": "EUR"}""").json().get("id").asLong();
            // A client's connection with its tokens sealed in the database, as the pages are read.
            long connectionId = app.getBean(ConnectionStore.class).create(Platform.GOOGLE, "Hygiene client", new Grant(
                    Secret.of(CONNECTION_ACCESS), Optional.of(Secret.of(CONNECTION_REFRESH)), Optional.empty(),
                    Optional.empty(), List.of("adwords")), List.of("1234567890")).id();

            record(served, ConsoleSession.signIn(base, WRONG));
            for (NewApiKey key : List.of(WRITE, READ)) {
                HttpResponse<String> signedIn = ConsoleSession.signIn(base, key.key());
                record(served, signedIn);
                ConsoleSession session = new ConsoleSession(base, ConsoleSession.sessionCookie(signedIn));
                String store = "/console/stores/" + storeId;
                for (String path : List.of("/", store, store + "?months=36", "/console/platforms", "/console/connections",
                        "/console/stores/424242", "/console/sign-in")) {
                    record(served, session.get(path));
                }
                String token = session.formToken(store);
                record(served, session.post(store + "/accounts",
                        Map.of("platform", "google", "accountId", "1234567890", "formToken", token), base));
                record(served, session.post(store + "/accounts",
                        Map.of("platform", "google", "accountId", "1234567890", "formToken", token), "http://other.example"));
                // Revoking (refused for the read role) and the page after it.
                record(served, session.post("/console/connections/" + connectionId + "/revoke",
                        Map.of("formToken", token), base));
                record(served, session.get("/console/connections"));
                record(served, session.post("/console/sign-out", Map.of("formToken", token), base));
            }
        }
        String printed = output.getAll();
        assertThat(printed).contains("console sign-in refused", "console sign-in: key:");
        assertThat(served).contains("Hygiene", "SYNCLEDGER_CONSOLE=", "That key was not accepted", "Hygiene client",
                "badge revoked");
        for (String secret : List.of(WRITE.key(), READ.key(), WRONG, SECRET_KEY, CONNECTION_ACCESS, CONNECTION_REFRESH)) {
            assertThat(served.toString()).as("pages and cookies").doesNotContain(secret);
            assertThat(printed).as("log lines").doesNotContain(secret);
        }
    }

    private static void record(StringBuilder served, HttpResponse<String> reply) {
        served.append(reply.statusCode()).append(' ').append(reply.headers().map()).append('\n')
                .append(reply.body()).append('\n');
    }
}
