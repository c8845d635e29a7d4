package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.sandbox.FakeCredentials;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The connections API over HTTP, against the sandbox and a real PostgreSQL. */
class ConnectionsApiTest {

    private static final String KEY = Base64.getEncoder().encodeToString("a".repeat(32).getBytes(StandardCharsets.UTF_8));

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private Http http;
    private ConnectionStore connections;
    private FakePlatform linkedin;
    private long store;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
        settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "1");
        app = TestApp.start(true, settings);
        http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        connections = app.getBean(ConnectionStore.class);
        linkedin = sandbox.fake("linkedin");
        store = app.getBean(Stores.class).create(new StoreInput("northwind", "UTC", "USD")).id();
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    private Connection connect(Platform platform, String label, FakeCredentials credentials, Instant accessEnd) {
        return connections.create(platform, label, new Grant(Secret.of(credentials.accessToken()), Optional.empty(),
                Optional.ofNullable(accessEnd), Optional.empty(), List.of("r_ads_reporting")), List.of("512345678"));
    }

    @Test
    void listsConnectionsWithoutTokensAndTheirExpirySoonestFirst() {
        Connection later = connect(Platform.LINKEDIN, "Alpine", linkedin.credentials(),
                Instant.now().plus(Duration.ofDays(40)));
        Connection soon = connect(Platform.LINKEDIN, "Northwind", linkedin.credentials(),
                Instant.now().plus(Duration.ofDays(3)));
        Connection endless = connect(Platform.TIKTOK, "TikTok client", sandbox.fake("tiktok").credentials(), null);

        Http.Reply list = http.withKey(TestApp.READ_KEY.key()).get("/connections");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(linkedin.credentials().accessToken(),
                sandbox.fake("tiktok").credentials().accessToken());
        assertThat(list.json().size()).isEqualTo(3);
        JsonNode first = list.json().get(0);
        assertThat(first.get("label").asString()).isEqualTo("Alpine");
        assertThat(first.get("status").asString()).isEqualTo("active");
        assertThat(first.get("expires").asString()).isEqualTo("access");

        JsonNode expiry = http.get("/connections/expiry").json();
        assertThat(List.of(expiry.get(0).get("id").asLong(), expiry.get(1).get("id").asLong(),
                expiry.get(2).get("id").asLong())).containsExactly(soon.id(), later.id(), endless.id());
        assertThat(expiry.get(0).get("status").asString()).isEqualTo("expiring");
        assertThat(expiry.get(0).get("platform").asString()).isEqualTo("linkedin");
        assertThat(expiry.get(0).get("secondsLeft").asLong()).isBetween(2 * 86_400L, 3 * 86_400L);
        assertThat(expiry.get(2).get("expiresAt").isNull()).isTrue();

        assertThat(http.get("/connections/" + soon.id()).json().get("label").asString()).isEqualTo("Northwind");
        Http.Reply unknown = http.get("/connections/999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void linksAnAccountWithAConnectionOfItsPlatformOnly() {
        Connection client = connect(Platform.LINKEDIN, "Northwind", linkedin.credentials(), null);
        Connection other = connect(Platform.TIKTOK, "TikTok client", sandbox.fake("tiktok").credentials(), null);

        Http.Reply wrong = http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "512345678", "connectionId": %d}""".formatted(other.id()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("connectionId", "is on TikTok, not LinkedIn");
        assertThat(http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "512345678", "connectionId": 999}""").status()).isEqualTo(400);
        assertThat(http.get("/stores/" + store + "/accounts").json().size()).as("nothing linked").isZero();

        Http.Reply linked = http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "512345678", "connectionId": %d}""".formatted(client.id()));
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.json().get("connectionId").asLong()).isEqualTo(client.id());
        Http.Reply plain = http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "598765432"}""");
        assertThat(plain.json().get("connectionId").isNull()).isTrue();
    }

    @Test
    void aPlatformRevokedConnectionShowsExpiredInTheExpiryListing() {
        Connection client = connect(Platform.LINKEDIN, "Northwind", linkedin.credentials(), null);
        http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "512345678", "connectionId": %d}""".formatted(client.id()));
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        SyncService sync = app.getBean(SyncService.class);
        assertThat(sync.syncStore(store, DateRange.of(end.minusDays(2), end), SyncProgress.NONE))
                .allMatch(SyncOutcome::succeeded);

        linkedin.revokeTokens();
        assertThat(sync.syncStore(store, DateRange.of(end.minusDays(2), end), SyncProgress.NONE))
                .singleElement().satisfies(o -> assertThat(o.error()).startsWith("auth: "));

        JsonNode expiry = http.get("/connections/expiry").json();
        assertThat(expiry.get(0).get("id").asLong()).isEqualTo(client.id());
        assertThat(expiry.get(0).get("status").asString()).isEqualTo("expired");
    }

    @Test
    void revokingWipesTheTokensNeedsTheWriteRoleAndKeepsTheAccountsLinked() {
        Connection client = connect(Platform.LINKEDIN, "Northwind", linkedin.credentials(), null);
        http.post("/stores/" + store + "/accounts", """
                {"platform": "linkedin", "accountId": "512345678", "connectionId": %d}""".formatted(client.id()));

        assertThat(http.withKey(TestApp.READ_KEY.key()).post("/connections/" + client.id() + "/revoke", "")
                .status()).isEqualTo(403);
        assertThat(connections.tokens(client.id())).isPresent();
        assertThat(http.post("/connections/999/revoke", "").status()).isEqualTo(404);

        Http.Reply revoked = http.post("/connections/" + client.id() + "/revoke", "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("revoked");
        assertThat(connections.tokens(client.id())).isEmpty();
        JsonNode accounts = http.get("/stores/" + store + "/accounts").json();
        assertThat(accounts.size()).isEqualTo(1);
        assertThat(accounts.get(0).get("connectionId").asLong()).isEqualTo(client.id());
    }
}
