package com.syncledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.api.ApiEndpoints;
import com.syncledger.app.api.Http;
import com.syncledger.app.cli.CliRun;
import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionTokens;
import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.app.credentials.TokenCipher;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.DemoData.DemoAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Runs syncs (with refreshed, revoked and wrong tokens and malformed answers among them), the API and the CLI
 * with distinctive secret values configured, then looks for those values in everything the process printed
 * (logs at DEBUG included) and everything it served (every response, metrics and actuator output included),
 * and in the {@code toString} of every bean: none may appear.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTest {

    private static final NewApiKey API_KEY = new NewApiKey("slk_SECRET-api-key-4f1d9b7e", Role.WRITE);
    private static final NewApiKey READ_KEY = new NewApiKey("slk_SECRET-read-key-8a2c6d0f", Role.READ);
    private static final String WRONG_API_KEY = "slk_SECRET-wrong-key-1e5b3a9c";
    private static final String WRONG_TIKTOK_TOKEN = "tiktok-SECRET-wrong-token-77e1c2";
    private static final String DB_PASSWORD_HINT = "password";
    /** The at-rest keys: the service runs mid-rotation, with both. */
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(
            "SECRET-at-rest-key-new-3f9c1a7e2".getBytes(StandardCharsets.UTF_8));
    private static final String PREVIOUS_SECRET_KEY = Base64.getEncoder().encodeToString(
            "SECRET-at-rest-key-old-8b2d4e6f1".getBytes(StandardCharsets.UTF_8));
    private static final String WRONG_SECRET_KEY = Base64.getEncoder().encodeToString(
            "SECRET-at-rest-key-bad-5a7c9e1b3".getBytes(StandardCharsets.UTF_8));
    /** A client's connection tokens, sealed in the database. */
    private static final String CONNECTION_ACCESS = "meta-SECRET-connection-access-token-6e2a";
    private static final String CONNECTION_REFRESH = "meta-SECRET-connection-refresh-token-9d4b";

    /** Access and refresh tokens the fakes issue while the test runs. */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("\\b[a-z]+-(access|refresh)-\\d+(-[0-9a-f]+)?\\b");

    @Test
    void noSecretAppearsInWhatTheServicePrintsOrServes(CapturedOutput output) {
        StringBuilder served = new StringBuilder();
        StringBuilder printed = new StringBuilder();
        Set<String> secrets = new LinkedHashSet<>(List.of(API_KEY.key(), READ_KEY.key(), WRONG_API_KEY,
                WRONG_TIKTOK_TOKEN, SECRET_KEY, PREVIOUS_SECRET_KEY, WRONG_SECRET_KEY, CONNECTION_ACCESS,
                CONNECTION_REFRESH));

        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.forEach((name, value) -> {
                if (name.matches(".*(TOKEN|SECRET).*")) {
                    secrets.add(value);
                }
            });
            settings.put("TIKTOK_ACCESS_TOKEN", WRONG_TIKTOK_TOKEN);
            settings.put(ApiKeys.VARIABLE, API_KEY.entry() + "," + READ_KEY.entry());
            settings.put(SealingKeys.KEY_VARIABLE, SECRET_KEY);
            settings.put(SealingKeys.PREVIOUS_KEY_VARIABLE, PREVIOUS_SECRET_KEY);
            settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "2");
            settings.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "10ms");
            settings.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "50ms");
            for (Platform platform : Platform.values()) {
                // The fakes have no request budget; the real platforms' limits would only slow the test down.
                settings.put("SYNCLEDGER_FETCH_RATE_LIMIT_" + platform.name(), "1000/1s");
            }
            assertThat(secrets).hasSizeGreaterThan(20);

            sandbox.fake("google").expireAccessTokens();
            sandbox.fake("linkedin").revokeTokens();
            sandbox.fake("snapchat").failNext(Fault.MALFORMED, 5);
            sandbox.fake("meta").failNext(Fault.SERVER_ERROR, 1);
            sandbox.fake("pinterest").failNext(Fault.THROTTLE, 1);

            try (ConfigurableApplicationContext app = TestApp.start(true, settings,
                    List.of("logging.level.root=INFO", "logging.level.com.syncledger=DEBUG"))) {
                Http http = new Http(TestApp.baseUrl(app), API_KEY.key());
                long storeId = exerciseTheApi(http, served);

                Env env = app.getBean("env", Env.class);
                LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
                for (CliRun run : List.of(CliRun.of(env, "platforms"), CliRun.of(env, "platforms", "--check"),
                        CliRun.of(env, "sync", "--store", Long.toString(storeId), "--from",
                                end.minusDays(4).toString(), "--to", end.toString()))) {
                    printed.append(run.out()).append(run.err());
                }
                exerciseConnections(app, env, http, served, printed);
                printed.append(beanDescriptions(app));
            }
            for (FakePlatform fake : sandbox.fakes().values()) {
                secrets.add(fake.currentRefreshToken());
            }
        }
        printed.append(output.getAll());

        // The capture works: the scanned text holds what the run is known to have printed and served.
        assertThat(printed).contains("refused GET /stores", "syncledger");
        assertThat(served).contains("Northwind", "jvm_memory_used_bytes", "unauthorized", "errorMessage");
        for (String secret : secrets) {
            assertThat(printed.toString()).as("printed").doesNotContain(secret);
            assertThat(served.toString()).as("served").doesNotContain(secret);
        }
        assertThat(issuedTokens(printed)).as("issued tokens printed").isEmpty();
        assertThat(issuedTokens(served)).as("issued tokens served").isEmpty();
        assertThat(printed.toString()).doesNotContain(DB_PASSWORD_HINT + "=");
    }

    /** Links one account per platform, syncs through the API, then reads everything back. */
    private static long exerciseTheApi(Http http, StringBuilder served) {
        Http.Reply store = record(served, http.post("/stores", """
                {"name": "Northwind", "timeZone": "America/New_York", "billingCurrency": "USD"}"""));
        long storeId = store.json().get("id").asLong();
        Set<String> linked = new LinkedHashSet<>();
        for (DemoAccount account : DemoData.ACCOUNTS) {
            if (linked.add(account.platform())) {
                assertThat(record(served, http.post("/stores/" + storeId + "/accounts",
                        "{\"platform\": \"" + account.platform() + "\", \"accountId\": \"" + account.id() + "\"}"))
                        .status()).isEqualTo(201);
            }
        }
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        String range = "from=" + end.minusDays(9) + "&to=" + end;
        assertThat(record(served, http.post("/stores/" + storeId + "/sync?" + range, null)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode runs = http.get("/stores/" + storeId + "/sync-runs").json().get("items");
            List<String> statuses = new ArrayList<>();
            runs.forEach(run -> statuses.add(run.get("status").asString()));
            return statuses.size() >= linked.size() && !statuses.contains("running");
        });
        JsonNode runs = record(served, http.get("/stores/" + storeId + "/sync-runs")).json().get("items");
        List<String> failed = new ArrayList<>();
        runs.forEach(run -> {
            if (!run.get("errorKind").isNull()) {
                failed.add(run.get("errorKind").asString());
            }
        });
        assertThat(failed).as("the wrong and revoked tokens fail their accounts").isNotEmpty();

        record(served, http.post("/stores/" + storeId + "/baselines",
                "{\"from\": \"" + end.minusDays(9) + "\", \"to\": \"" + end + "\", \"provisional\": true}"));
        for (String path : List.of("/stores", "/stores/" + storeId, "/stores/" + storeId + "/accounts",
                "/stores/" + storeId + "/spend?" + range, "/stores/" + storeId + "/baselines",
                "/stores/" + storeId + "/ledger-entries", "/actuator", "/actuator/prometheus", "/actuator/info",
                "/actuator/health", "/healthz", "/v3/api-docs", "/actuator/env", "/actuator/configprops")) {
            record(served, http.get(path));
        }
        record(served, http.withKey(WRONG_API_KEY).get("/stores"));
        record(served, http.withKey(READ_KEY.key()).post("/stores", "{}"));
        record(served, http.withKey(null).get("/stores"));
        return storeId;
    }

    /**
     * Stores a connection under the previous key, reads it with both keys, rotates the key (and tries a wrong
     * previous key), then reads what the service serves and what the connection classes say about themselves.
     */
    private static void exerciseConnections(ConfigurableApplicationContext app, Env env, Http http,
            StringBuilder served, StringBuilder printed) {
        Grant grant = new Grant(Secret.of(CONNECTION_ACCESS), Optional.of(Secret.of(CONNECTION_REFRESH)),
                Optional.of(Instant.now().plusSeconds(3600)), Optional.empty(), List.of("ads_read"));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Connection connection = new ConnectionStore(jdbc, Env.of(Map.of(SealingKeys.KEY_VARIABLE, PREVIOUS_SECRET_KEY)))
                .create(Platform.META, "Hygiene client", grant, List.of("act_1234567890"));
        ConnectionStore store = app.getBean(ConnectionStore.class);
        ConnectionTokens tokens = store.tokens(connection.id()).orElseThrow();
        assertThat(tokens.accessToken().reveal()).as("read with the previous key").isEqualTo(CONNECTION_ACCESS);
        printed.append(connection).append('\n').append(tokens).append('\n').append(grant).append('\n')
                .append(store).append('\n').append(TokenCipher.fromBase64(SECRET_KEY)).append('\n')
                .append(SealingKeys.fromEnv(env).orElseThrow()).append('\n');

        Env wrong = name -> SealingKeys.PREVIOUS_KEY_VARIABLE.equals(name) ? WRONG_SECRET_KEY : env.raw(name);
        CliRun refused = CliRun.of(wrong, "secrets", "rotate-key");
        assertThat(refused.exitCode()).isEqualTo(1);
        CliRun rotated = CliRun.of(env, "secrets", "rotate-key");
        assertThat(rotated.exitCode()).as(rotated.out() + rotated.err()).isZero();
        assertThat(rotated.out()).contains("Re-sealed 2 stored token values");
        printed.append(refused.out()).append(refused.err()).append(rotated.out()).append(rotated.err());
        assertThatThrownBy(() -> new ConnectionStore(jdbc, Env.of(Map.of(SealingKeys.KEY_VARIABLE, WRONG_SECRET_KEY)))
                .tokens(connection.id())).satisfies(e -> printed.append(e.getMessage()).append('\n'));

        for (String path : List.of("/platforms", "/actuator/prometheus", "/actuator/env", "/actuator/configprops",
                "/stores/424242")) {
            record(served, http.get(path));
        }
        printed.append(CliRun.of(env, "platforms", "--json").out());
        // The capture holds what the connection classes and the rotation said.
        assertThat(printed).contains("ConnectionTokens[access token ****, refresh token ****]",
                "Grant[access token ****, refresh token ****", "Connection[id=", "which is neither",
                "Re-sealed 2 stored token values", "\"apiVersion\"");
    }

    private static Http.Reply record(StringBuilder served, Http.Reply reply) {
        served.append(reply.status()).append(' ').append(reply.headers().map()).append('\n')
                .append(reply.body()).append('\n');
        return reply;
    }

    /** What every bean in the context says about itself. */
    private static String beanDescriptions(ConfigurableApplicationContext app) {
        StringBuilder text = new StringBuilder();
        for (String name : app.getBeanDefinitionNames()) {
            try {
                text.append(name).append(": ").append(app.getBean(name)).append('\n');
            } catch (RuntimeException notCreated) {
                // Lazy or scoped beans that cannot be created here say nothing.
            }
        }
        assertThat(text).contains("apiKeys");
        return text.toString();
    }

    private static List<String> issuedTokens(CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ISSUED_TOKEN.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
