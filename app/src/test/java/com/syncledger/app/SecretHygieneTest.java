package com.syncledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.api.ApiEndpoints;
import com.syncledger.app.api.Http;
import com.syncledger.app.cli.CliRun;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.DemoData.DemoAccount;
import com.syncledger.sandbox.Fault;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
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

    /** Access and refresh tokens the fakes issue while the test runs. */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("\\b[a-z]+-(access|refresh)-\\d+(-[0-9a-f]+)?\\b");

    @Test
    void noSecretAppearsInWhatTheServicePrintsOrServes(CapturedOutput output) {
        StringBuilder served = new StringBuilder();
        StringBuilder printed = new StringBuilder();
        Set<String> secrets = new LinkedHashSet<>(List.of(API_KEY.key(), READ_KEY.key(), WRONG_API_KEY,
                WRONG_TIKTOK_TOKEN));

        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.forEach((name, value) -> {
                if (name.matches(".*(TOKEN|SECRET).*")) {
                    secrets.add(value);
                }
            });
            settings.put("TIKTOK_ACCESS_TOKEN", WRONG_TIKTOK_TOKEN);
            settings.put(ApiKeys.VARIABLE, API_KEY.entry() + "," + READ_KEY.entry());
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
