package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser flow against the sandbox's consent pages over real HTTP: the signed, single-use state and PKCE,
 * and every way a callback is refused (tampered, replayed, expired state, the platform's error, a refused code
 * exchange), each with a clear reason and nothing stored.
 */
class ConnectRefusalsTest {

    static final String SECRET_KEY = Base64.getEncoder().encodeToString("c".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Sandbox sandbox;
    private static ConfigurableApplicationContext app;
    private static ConnectBrowser browser;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put(StoredRefreshTokens.KEY_VARIABLE, SECRET_KEY);
        // Reddit's app is not set up here: connecting a Reddit client must say so.
        settings.remove("REDDIT_CLIENT_ID");
        settings.remove("REDDIT_CLIENT_SECRET");
        app = TestApp.start(true, settings);
        browser = new ConnectBrowser(TestApp.baseUrl(app));
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    private static long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static JsonNode json(ConnectBrowser.Reply reply) {
        return JSON.readTree(reply.body());
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aPlatformWithoutClientSettingsSaysWhichToSetAndStoresNothing() {
        ConnectBrowser.Reply api = browser.get(URI.create(TestApp.baseUrl(app) + "/connect/reddit"),
                Map.of("Authorization", "Bearer " + TestApp.WRITE_KEY.key()));
        assertThat(api.status()).isEqualTo(409);
        assertThat(json(api).get("type").asString()).endsWith("/not-configured");
        assertThat(json(api).get("reason").asString()).isEqualTo("no_client_settings");
        assertThat(json(api).get("detail").asString()).contains("Reddit").contains("REDDIT_CLIENT_ID")
                .contains("REDDIT_CLIENT_SECRET");
        ConnectBrowser.Reply page = browser.get(URI.create(TestApp.baseUrl(app) + "/connect/reddit"),
                Map.of("Authorization", "Bearer " + TestApp.WRITE_KEY.key(), "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"problem-detail\"").contains("REDDIT_CLIENT_ID");
        assertThat(jdbc.sql("select count(*) from connect_state where platform = 'reddit'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theStateIsSignedRandomAndOnlyItsDigestIsKeptForTenMinutes() throws Exception {
        URI consent = browser.start("meta", "Digest check", null);
        String state = ConnectBrowser.query(consent).get("state");
        assertThat(state).matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");
        Map<String, Object> row = jdbc.sql("select * from connect_state where state_digest = ?").param(sha256(state))
                .query().singleRow();
        assertThat(row).containsEntry("platform", "meta").containsEntry("label", "Digest check");
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(state.substring(0, 20)));
        assertThat(jdbc.sql("select expires_at - created_at = interval '10 minutes' from connect_state where state_digest = ?")
                .param(sha256(state)).query(Boolean.class).single()).isTrue();
        assertThat(browser.start("meta", "Digest check", null).toString()).as("a fresh state every time")
                .doesNotContain(state);
    }

    @Test
    void pkceWhereThePlatformTakesIt_theVerifierStaysOnTheServer() throws Exception {
        URI google = browser.start("google", "PKCE check", null);
        Map<String, String> query = ConnectBrowser.query(google);
        assertThat(query).containsEntry("code_challenge_method", "S256").doesNotContainKey("code_verifier");
        String verifier = jdbc.sql("select code_verifier from connect_state where state_digest = ?")
                .param(sha256(query.get("state"))).query(String.class).single();
        assertThat(verifier).hasSizeBetween(43, 128);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(query).containsEntry("code_challenge", challenge);

        ConnectBrowser.Reply done = browser.callback(browser.consent(google), "application/json");
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        URI meta = browser.start("meta", "No PKCE", null);
        assertThat(ConnectBrowser.query(meta)).doesNotContainKey("code_challenge");
    }

    @Test
    void aTamperedStateIsRefusedBeforeAnyDatabaseWorkAndTheRealOneStillWorks() {
        URI callback = browser.consent(browser.start("meta", "Tamper check", null));
        String state = ConnectBrowser.query(callback).get("state");
        long connections = count("connection");
        long states = count("connect_state");
        String flipped = state.substring(0, state.length() - 1) + (state.endsWith("A") ? "B" : "A");
        for (String forged : List.of(flipped, "B" + state.substring(1), state.substring(0, state.indexOf('.')), "x.y")) {
            ConnectBrowser.Reply reply = browser.callback(ConnectBrowser.withParameter(callback, "state", forged),
                    "application/json");
            assertThat(reply.status()).as(forged).isEqualTo(400);
            assertThat(json(reply).get("type").asString()).endsWith("/connect-refused");
            assertThat(json(reply).get("reason").asString()).isEqualTo("tampered_state");
            assertThat(json(reply).get("detail").asString()).contains("not issued by this server or was altered");
        }
        assertThat(count("connect_state")).as("the real state's row is untouched").isEqualTo(states);
        assertThat(count("connection")).isEqualTo(connections);

        assertThat(browser.callback(callback, "application/json").status()).isEqualTo(200);
        assertThat(count("connection")).isEqualTo(connections + 1);
    }

    @Test
    void aReplayedStateFindsNothing() {
        sandbox.fake("meta").consentNext("Replay client", Set.of("1234567890"));
        URI callback = browser.consent(browser.start("meta", "Replay check", null));
        ConnectBrowser.Reply first = browser.callback(callback, "application/json");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long connections = count("connection");

        ConnectBrowser.Reply replay = browser.callback(callback, "application/json");
        assertThat(replay.status()).isEqualTo(400);
        assertThat(json(replay).get("reason").asString()).isEqualTo("unknown_state");
        assertThat(json(replay).get("detail").asString()).contains("already completed");
        assertThat(count("connection")).isEqualTo(connections);
    }

    @Test
    void anExpiredStateIsRefusedAndUsedUp() throws Exception {
        URI consent = browser.start("meta", "Expiry check", null);
        String digest = sha256(ConnectBrowser.query(consent).get("state"));
        jdbc.sql("update connect_state set expires_at = now() - interval '1 second' where state_digest = ?")
                .param(digest).update();
        long connections = count("connection");

        ConnectBrowser.Reply reply = browser.callback(browser.consent(consent), "application/json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("reason").asString()).isEqualTo("expired_state");
        assertThat(json(reply).get("detail").asString()).contains("expired");
        assertThat(count("connection")).isEqualTo(connections);
        assertThat(jdbc.sql("select count(*) from connect_state where state_digest = ?").param(digest)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCallbackArrivingForAnotherPlatformIsRefused() {
        URI callback = browser.consent(browser.start("meta", "Wrong platform", null));
        long connections = count("connection");
        URI elsewhere = URI.create(callback.toString().replace("/connect/meta/callback", "/connect/google/callback"));

        ConnectBrowser.Reply reply = browser.callback(elsewhere, "application/json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("reason").asString()).isEqualTo("wrong_platform");
        assertThat(json(reply).get("detail").asString()).contains("started for Meta").contains("Google Ads");
        assertThat(count("connection")).isEqualTo(connections);
    }

    @Test
    void aDeclinedConsentComesBackWithAnErrorAndStoresNothing() {
        sandbox.fake("meta").denyConsentNext();
        URI callback = browser.consent(browser.start("meta", "Declined", null));
        assertThat(ConnectBrowser.query(callback)).containsKey("error").doesNotContainKey("code");
        long connections = count("connection");

        ConnectBrowser.Reply api = browser.callback(callback, "application/json");
        assertThat(api.status()).isEqualTo(400);
        assertThat(json(api).get("reason").asString()).isEqualTo("platform_error");
        assertThat(json(api).get("detail").asString()).contains("Meta did not authorize the connection")
                .contains(ConnectBrowser.query(callback).get("error"));
        assertThat(count("connection")).isEqualTo(connections);
    }

    @Test
    void aCodeThePlatformRefusesToExchangeStoresNothingAndShowsNoSecret() {
        URI callback = browser.consent(browser.start("meta", "Refused exchange", null));
        String code = ConnectBrowser.query(callback).get("code");
        sandbox.fake("meta").expireAuthorizationCodes();
        long connections = count("connection");

        ConnectBrowser.Reply page = browser.callback(callback, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Meta refused to exchange the authorization code").doesNotContain(code)
                .doesNotContain(ConnectBrowser.query(callback).get("state"))
                .doesNotContain(sandbox.fake("meta").credentials().clientSecret());
        assertThat(count("connection")).isEqualTo(connections);
    }

    /** Posts the console's link form for {@code connectionId} with the session {@code cookie}; the status. */
    private static int postLink(String cookie, long connectionId, long storeId, String accountId) throws Exception {
        ConnectBrowser.Reply confirm = browser.get(URI.create(TestApp.baseUrl(app) + "/console/connections/"
                + connectionId + "/link?store=" + storeId + "&accountId=" + accountId), Map.of("Cookie", cookie));
        assertThat(confirm.status()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
                .matcher(confirm.body());
        assertThat(token.find()).isTrue();
        java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(TestApp.baseUrl(app) + "/console/connections/"
                                + connectionId + "/links"))
                        .header("Cookie", cookie).header("Origin", TestApp.baseUrl(app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("formToken=" + token.group(1)
                                + "&store=" + storeId + "&accountId=" + accountId))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return reply.statusCode();
    }

    @Test
    void linkingNeedsTheWriteRoleAndAnAccountTheConnectionReaches_andKeepsAnAlreadyLinkedRow() throws Exception {
        long store = app.getBean(Stores.class).create(new StoreInput("Link check", "UTC", "USD")).id();
        // Linked before, with the environment's credentials: connecting keeps its row and history.
        long existing = app.getBean(com.syncledger.app.ledger.AdAccounts.class)
                .link(store, com.syncledger.connectors.spi.AccountId.of(com.syncledger.connectors.spi.Platform.META,
                        "1234567890")).id();
        sandbox.fake("meta").consentNext("Link client", Set.of("1234567890"));
        ConnectBrowser.Reply connected = browser.callback(browser.consent(browser.start("meta", "Link client", store)),
                "application/json");
        long connection = json(connected).at("/connection/id").asLong();

        assertThat(postLink(ConsoleCookie.of(TestApp.baseUrl(app), TestApp.READ_KEY.key()), connection, store,
                "1234567890")).isEqualTo(403);
        String writer = ConsoleCookie.of(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        assertThat(postLink(writer, connection, store, "2345678901")).as("not reachable").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from ad_account where store_id = ? and connection_id is not null")
                .param(store).query(Long.class).single()).isZero();

        assertThat(postLink(writer, connection, store, "1234567890")).isEqualTo(302);
        assertThat(jdbc.sql("select id, connection_id from ad_account where store_id = ? and unlinked_at is null")
                .param(store).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list())
                .containsExactly(List.of(existing, connection));
    }

    @Test
    void theCallbackPageListsTheReachableAccountsAndOffersTheStoreItWasStartedFor() {
        long store = app.getBean(Stores.class).create(new StoreInput("Page check", "Europe/Berlin", "EUR")).id();
        sandbox.fake("meta").consentNext("Page client", Set.of("2345678901"));
        URI callback = browser.consent(browser.start("meta", "Page client", store));

        // As the platform sends the browser back: no session, so the agency's store names are not shown.
        ConnectBrowser.Reply page = browser.callback(callback, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Meta connected").contains("Page client").contains("2345678901")
                .doesNotContain("1234567890").doesNotContain("Page check")
                .contains("<input type=\"hidden\" name=\"store\" value=\"" + store + "\">");
        FakeGrant grant = sandbox.fake("meta").grant("Page client").orElseThrow();
        assertThat(page.body()).doesNotContain(grant.latestAccessToken().orElseThrow());
        long id = jdbc.sql("select max(id) from connection").query(Long.class).single();
        assertThat(page.body()).contains("/console/connections/" + id + "/link");

        // The form leads to the signed-in confirmation, with the store the connection was started for chosen.
        ConnectBrowser.Reply confirm = browser.get(URI.create(TestApp.baseUrl(app) + "/console/connections/" + id
                + "/link?store=" + store + "&accountId=2345678901"),
                Map.of("Cookie", ConsoleCookie.of(TestApp.baseUrl(app), TestApp.WRITE_KEY.key())));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).containsPattern("<option value=\"" + store + "\" selected=\"selected\">Page check</option>")
                .contains("id=\"confirm-link-form\"");
    }
}
