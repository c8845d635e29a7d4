package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two stores connected to the same platform by two different client authorizations, each through the browser
 * flow over real HTTP (SyncLedger's /connect, the sandbox's consent page, the callback), linked in the console
 * and synced: each store's spend is exact, fetched with its own client's token, under its own rate budget.
 */
class ConnectionsEndToEndTest {

    private static final String NORTHWIND_META = "1234567890";
    private static final String ALPINE_META = "2345678901";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private String base;
    private ConnectBrowser browser;
    private JdbcClient jdbc;
    private FakePlatform meta;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put(StoredRefreshTokens.KEY_VARIABLE, ConnectRefusalsTest.SECRET_KEY);
        settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "2");
        settings.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "10ms");
        settings.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "50ms");
        app = TestApp.start(true, settings);
        base = TestApp.baseUrl(app);
        browser = new ConnectBrowser(base);
        jdbc = app.getBean(JdbcClient.class);
        meta = sandbox.fake("meta");
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    /** Connects a client through the browser flow; the callback's JSON answer. */
    private JsonNode connect(String clientLabel, String accountId, long storeId) {
        meta.consentNext(clientLabel, Set.of(accountId));
        URI callback = browser.consent(browser.start("meta", clientLabel, storeId));
        ConnectBrowser.Reply reply = browser.callback(callback, "application/json");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    /** Links {@code accountId} to {@code storeId} with the connection, as a signed-in console user does. */
    private void linkInTheConsole(String cookie, long connectionId, long storeId, String accountId) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> confirm = client.send(HttpRequest.newBuilder(URI.create(base + "/console/connections/"
                + connectionId + "/link?store=" + storeId + "&accountId=" + accountId)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirm.statusCode()).isEqualTo(200);
        Matcher token = FORM_TOKEN.matcher(confirm.body());
        assertThat(token.find()).isTrue();
        String form = Map.of("formToken", token.group(1), "store", String.valueOf(storeId), "accountId", accountId)
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> linked = client.send(HttpRequest.newBuilder(URI.create(base + "/console/connections/"
                        + connectionId + "/links")).header("Cookie", cookie).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(302);
        assertThat(linked.headers().firstValue("Location").orElseThrow()).endsWith("/console/stores/" + storeId);
    }

    private List<String> bearerTokensFor(String accountId) {
        return meta.requests().stream()
                .filter(r -> (r.path() + "?" + r.rawQuery() + r.body()).contains(accountId))
                .map(r -> r.header("Authorization").orElse(""))
                .distinct().toList();
    }

    private void assertExact(long storeId, String accountId, DateRange range) {
        FakeAccount truth = meta.account(accountId).orElseThrow();
        StoreSpend spend = app.getBean(SpendQueries.class).read(storeId, range);
        StoreSpend.AccountSpend account = spend.accounts().stream()
                .filter(a -> a.platform() == Platform.META && a.externalId().equals(accountId))
                .findFirst().orElseThrow();
        assertThat(account.status()).isEqualTo(StoreSpend.Completeness.COMPLETE);
        assertThat(account.days()).hasSize(range.days());
        for (StoreSpend.DaySpend day : account.days()) {
            assertThat(day.spend()).as(accountId + " on " + day.date())
                    .isEqualTo(Money.ofMajor(truth.totalOn(day.date()), truth.currency()));
        }
        assertThat(spend.accounts()).as("the store has only its own client's account").hasSize(1);
    }

    @Test
    void twoClientsOfOnePlatformEachConnectTheirOwnStoreAndAreFetchedWithTheirOwnTokenAndBudget() throws Exception {
        Stores stores = app.getBean(Stores.class);
        long northwind = stores.create(new StoreInput("Northwind", "America/Los_Angeles", "USD")).id();
        long alpine = stores.create(new StoreInput("Alpine", "Europe/Berlin", "EUR")).id();

        JsonNode clientA = connect("client A", NORTHWIND_META, northwind);
        JsonNode clientB = connect("client B", ALPINE_META, alpine);
        long connectionA = clientA.at("/connection/id").asLong();
        long connectionB = clientB.at("/connection/id").asLong();
        assertThat(connectionA).isNotEqualTo(connectionB);
        assertThat(clientA.at("/connection/accountIds").toString()).isEqualTo("[\"" + NORTHWIND_META + "\"]");
        assertThat(clientA.at("/accounts/0/accountId").asString()).isEqualTo(NORTHWIND_META);
        assertThat(clientA.at("/storeId").asLong()).isEqualTo(northwind);
        assertThat(clientB.at("/accounts/0/accountId").asString()).isEqualTo(ALPINE_META);

        String cookie = ConsoleCookie.of(base, TestApp.WRITE_KEY.key());
        linkInTheConsole(cookie, connectionA, northwind, NORTHWIND_META);
        linkInTheConsole(cookie, connectionB, alpine, ALPINE_META);
        assertThat(jdbc.sql("select connection_id from ad_account where store_id = ? and unlinked_at is null")
                .param(northwind).query(Long.class).list()).containsExactly(connectionA);
        assertThat(jdbc.sql("select connection_id from ad_account where store_id = ? and unlinked_at is null")
                .param(alpine).query(Long.class).list()).containsExactly(connectionB);

        meta.clearRequests();
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        DateRange range = DateRange.of(end.minusDays(9), end);
        SyncService sync = app.getBean(SyncService.class);
        List<SyncOutcome> outcomes = new java.util.ArrayList<>(sync.syncStore(northwind, range, SyncProgress.NONE));
        outcomes.addAll(sync.syncStore(alpine, range, SyncProgress.NONE));
        assertThat(outcomes).hasSize(2).allMatch(SyncOutcome::succeeded);

        assertExact(northwind, NORTHWIND_META, range);
        assertExact(alpine, ALPINE_META, range);

        String tokenA = "Bearer " + meta.grant("client A").orElseThrow().latestAccessToken().orElseThrow();
        String tokenB = "Bearer " + meta.grant("client B").orElseThrow().latestAccessToken().orElseThrow();
        assertThat(tokenA).isNotEqualTo(tokenB);
        assertThat(bearerTokensFor(NORTHWIND_META)).containsExactly(tokenA);
        assertThat(bearerTokensFor(ALPINE_META)).containsExactly(tokenB);

        FetchEngine engine = app.getBean(FetchEngine.class);
        assertThat(engine.connectionBudgetUse(Platform.META, connectionA)).isPresent();
        assertThat(engine.connectionBudgetUse(Platform.META, connectionB)).isPresent();
        assertThat(engine.budgetUse(Platform.META)).as("the environment credential sent nothing").isEmpty();
        assertThat(jdbc.sql("select id from rate_budget_bucket where id like 'meta:%' order by id").query(String.class)
                .list()).containsExactly("meta:connection:" + connectionA, "meta:connection:" + connectionB);
    }
}
