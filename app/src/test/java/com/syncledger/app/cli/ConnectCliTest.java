package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Connecting from a headless setup: {@code connections add} prints the consent page, {@code complete} finishes. */
class ConnectCliTest {

    private static final String KEY = Base64.getEncoder().encodeToString("h".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final Pattern URL_LINE = Pattern.compile("^  (http\\S+)$", Pattern.MULTILINE);
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Sandbox sandbox;
    private static Env env;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
        settings.put("SYNCLEDGER_PUBLIC_URL", "https://ledger.example.com/");
        env = TestDatabase.fresh().env(settings);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The address the fake's consent page sends the browser back to (nothing listens there: headless). */
    private static URI consent(URI authorizeUrl) throws Exception {
        HttpResponse<String> reply = BROWSER.send(HttpRequest.newBuilder(authorizeUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        return URI.create(reply.headers().firstValue("Location").orElseThrow());
    }

    private static URI printedUrl(CliRun run) {
        Matcher m = URL_LINE.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return URI.create(m.group(1));
    }

    @Test
    void addPrintsTheConsentPageAndCompleteWithTheLandedUrlStoresTheConnection() throws Exception {
        CliRun added = CliRun.of(env, "connections", "add", "--platform", "meta", "--label", "Headless client");
        assertThat(added.exitCode()).as(added.err()).isZero();
        URI authorize = printedUrl(added);
        assertThat(authorize.toString()).startsWith(sandbox.fake("meta").baseUrl().toString())
                .contains("redirect_uri=" + java.net.URLEncoder.encode(
                        "https://ledger.example.com/connect/meta/callback", StandardCharsets.UTF_8));
        assertThat(added.out()).contains("connections complete --url");

        FakePlatform meta = sandbox.fake("meta");
        meta.consentNext("Headless client", Set.of("2345678901"));
        URI landed = consent(authorize);
        assertThat(landed.toString()).startsWith("https://ledger.example.com/connect/meta/callback?");

        CliRun completed = CliRun.of(env, "connections", "complete", "--url", landed.toString());
        assertThat(completed.exitCode()).as(completed.err()).isZero();
        assertThat(completed.out()).contains("Connected Meta as connection").contains("\"Headless client\"")
                .contains("reaches 1 ad account:").contains("2345678901");
        String token = meta.grant("Headless client").orElseThrow().latestAccessToken().orElseThrow();
        assertThat(completed.out() + completed.err()).doesNotContain(token);

        CliRun replayed = CliRun.of(env, "connections", "complete", "--url", landed.toString());
        assertThat(replayed.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(replayed.err()).contains("already completed");
    }

    @Test
    void completeTakesTheCodeAndTheStateAndAnswersJson() throws Exception {
        CliRun added = CliRun.of(env, "connections", "add", "--platform", "google", "--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        JsonNode start = JsonMapper.builder().build().readTree(added.out());
        assertThat(start.get("platform").asString()).isEqualTo("google");
        assertThat(start.get("label").asString()).startsWith("Google Ads connection ");

        sandbox.fake("google").consentNext("JSON client", Set.of("9876543210"));
        URI landed = consent(URI.create(start.get("authorizeUrl").asString()));
        String code = landed.getRawQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        String wrongState = start.get("state").asString().replaceFirst(".$", "x");
        CliRun tampered = CliRun.of(env, "connections", "complete", "--code", code, "--state", wrongState);
        assertThat(tampered.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(tampered.err()).contains("not issued by this server or was altered");

        CliRun completed = CliRun.of(env, "connections", "complete", "--code",
                java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "--state", start.get("state").asString(),
                "--json");
        assertThat(completed.exitCode()).as(completed.err()).isZero();
        JsonNode connected = JsonMapper.builder().build().readTree(completed.out());
        assertThat(connected.at("/connection/platform").asString()).isEqualTo("google");
        assertThat(connected.at("/accounts/0/accountId").asString()).isEqualTo("9876543210");
    }

    @Test
    void theOptionsAreChecked() {
        CliRun neither = CliRun.of(env, "connections", "complete");
        assertThat(neither.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        CliRun unknown = CliRun.of(env, "connections", "add", "--platform", "myspace");
        assertThat(unknown.exitCode()).isEqualTo(SyncLedgerCommand.INVALID_INPUT);
        assertThat(unknown.err()).contains("unknown platform");
    }
}
