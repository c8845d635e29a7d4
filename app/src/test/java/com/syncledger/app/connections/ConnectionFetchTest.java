package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.app.fetch.ChunkListener;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchRequest;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakeCredentials;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts linked with a connection are fetched with the connection's own tokens, against the sandbox over loopback
 * and a real PostgreSQL; accounts without one keep the environment's credentials.
 */
class ConnectionFetchTest {

    static final String KEY = Base64.getEncoder().encodeToString("c".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final String NORTHWIND_LINKEDIN = "512345678";
    private static final String ALPINE_LINKEDIN = "598765432";

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private ConnectionStore connections;
    private AdAccounts accounts;
    private JdbcClient jdbc;
    private long store;
    private DateRange lastWeek;

    /** The sandbox's settings with the key; {@code drop} removed, so only a connection can reach those. */
    static Map<String, String> settings(Sandbox sandbox, String... drop) {
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
        settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "2");
        settings.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "10ms");
        settings.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "50ms");
        for (String variable : drop) {
            settings.remove(variable);
        }
        return settings;
    }

    /** A grant of the fake's own credential: the access token it accepts, and its refresh token when asked. */
    static Grant grant(FakeCredentials credentials, boolean withRefresh) {
        return new Grant(Secret.of(credentials.accessToken()),
                withRefresh ? Optional.of(Secret.of(credentials.refreshToken())) : Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("ads_read"));
    }

    void start(String... drop) {
        sandbox = Sandbox.startWithDemoData();
        app = TestApp.start(false, settings(sandbox, drop));
        connections = app.getBean(ConnectionStore.class);
        accounts = app.getBean(AdAccounts.class);
        jdbc = app.getBean(JdbcClient.class);
        store = app.getBean(Stores.class).create(new StoreInput("northwind", "UTC", "USD")).id();
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        lastWeek = DateRange.of(end.minusDays(6), end);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private AdAccount link(Platform platform, String id, Connection connection) {
        AdAccount account = accounts.link(store, AccountId.of(platform, id));
        if (connection != null) {
            connections.assign(account.id(), connection.id());
        }
        return account;
    }

    private List<SyncOutcome> sync() {
        return app.getBean(SyncService.class).syncStore(store, lastWeek, SyncProgress.NONE);
    }

    private static List<String> bearerTokensFor(FakePlatform fake, String accountId) {
        return fake.requests().stream()
                .filter(r -> (r.path() + "?" + r.rawQuery() + r.body()).contains(accountId))
                .map(r -> r.header("Authorization").orElse(""))
                .distinct().toList();
    }

    @Test
    void anAccountWithAConnectionIsFetchedWithItsTokensAndAnotherWithTheEnvironments() {
        // The environment's LinkedIn access token is gone: it refreshes to one of its own, never the connection's.
        start("LINKEDIN_ACCESS_TOKEN");
        FakePlatform linkedin = sandbox.fake("linkedin");
        Connection client = connections.create(Platform.LINKEDIN, "Northwind's LinkedIn",
                grant(linkedin.credentials(), false), List.of(NORTHWIND_LINKEDIN));
        link(Platform.LINKEDIN, NORTHWIND_LINKEDIN, client);
        link(Platform.LINKEDIN, ALPINE_LINKEDIN, null);
        connections.markExpired(client.id()); // e.g. refused once while the platform had an outage

        assertThat(sync()).allMatch(SyncOutcome::succeeded);

        String connectionBearer = "Bearer " + linkedin.credentials().accessToken();
        assertThat(bearerTokensFor(linkedin, NORTHWIND_LINKEDIN)).containsExactly(connectionBearer);
        List<String> environment = bearerTokensFor(linkedin, ALPINE_LINKEDIN);
        assertThat(environment).hasSize(1).doesNotContain(connectionBearer);
        assertThat(environment.get(0)).startsWith("Bearer linkedin-access-");
        Connection used = connections.find(client.id()).orElseThrow();
        assertThat(used.lastUsedAt()).isPresent();
        assertThat(used.status()).as("its tokens work again").isEqualTo(Connection.Status.ACTIVE);
        assertExact(Platform.LINKEDIN, NORTHWIND_LINKEDIN, "USD");
    }

    @Test
    void twoConnectionsOnOnePlatformHaveTwoRateBudgets() {
        start();
        FakePlatform linkedin = sandbox.fake("linkedin");
        Connection first = connections.create(Platform.LINKEDIN, "Northwind", grant(linkedin.credentials(), false),
                List.of(NORTHWIND_LINKEDIN));
        Connection second = connections.create(Platform.LINKEDIN, "Alpine", grant(linkedin.credentials(), false),
                List.of(ALPINE_LINKEDIN));
        link(Platform.LINKEDIN, NORTHWIND_LINKEDIN, first);
        link(Platform.LINKEDIN, ALPINE_LINKEDIN, second);

        assertThat(sync()).allMatch(SyncOutcome::succeeded);

        FetchEngine engine = app.getBean(FetchEngine.class);
        assertThat(engine.connectionBudgetUse(Platform.LINKEDIN, first.id())).isPresent();
        assertThat(engine.connectionBudgetUse(Platform.LINKEDIN, second.id())).isPresent();
        assertThat(engine.budgetUse(Platform.LINKEDIN)).as("the environment credential sent nothing").isEmpty();
        List<String> keys = jdbc.sql("select id from rate_budget_bucket order by id").query(String.class).list();
        assertThat(keys).contains("linkedin:connection:" + first.id(), "linkedin:connection:" + second.id());
    }

    @Test
    void aTokenThatExpiresMidBackfillIsRefreshedAndTheRotatedRefreshTokenIsStoredSealedInTheConnection() {
        // Only the connection can reach Microsoft: the environment has no token of its own.
        start("MICROSOFT_ACCESS_TOKEN", "MICROSOFT_REFRESH_TOKEN");
        FakePlatform microsoft = sandbox.fake("microsoft");
        String original = microsoft.currentRefreshToken();
        FetchEngine engine = app.getBean(FetchEngine.class);
        assertThatThrownBy(() -> engine.descriptor(Platform.MICROSOFT)).isInstanceOf(IllegalStateException.class);
        Connection client = connections.create(Platform.MICROSOFT, "Northwind Bing", grant(microsoft.credentials(), true),
                List.of("149012345"));
        assertThat(engine.descriptor(Platform.MICROSOFT).platform()).as("known through the connection")
                .isEqualTo(Platform.MICROSOFT);
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        DateRange backfill = DateRange.of(end.minusDays(400), end);
        AtomicInteger chunks = new AtomicInteger();
        ChunkListener expireAfterTheFirst = (account, info, chunk) -> {
            if (chunks.incrementAndGet() == 1) {
                microsoft.expireAccessTokens();
            }
        };

        AccountFetch fetched = engine.fetch(List.of(FetchRequest.of(AccountId.of(Platform.MICROSOFT, "149012345"),
                backfill).withConnection(client.id())), expireAfterTheFirst, true).get(0);

        assertThat(fetched.error()).isNull();
        assertThat(chunks.get()).as("a backfill of several requests").isGreaterThan(1);
        FakeAccount truth = microsoft.account("149012345").orElseThrow();
        assertThat(fetched.report().days()).hasSize(backfill.days());
        for (DailySpend day : fetched.report().days()) {
            assertThat(day.spend()).as("%s", day.date()).isEqualTo(Money.ofMajor(truth.totalOn(day.date()), "USD"));
        }
        String rotated = microsoft.currentRefreshToken();
        assertThat(rotated).isNotEqualTo(original);
        assertThat(connections.refreshToken(client.id())).contains(Secret.of(rotated));
        byte[] sealed = jdbc.sql("select refresh_ciphertext from connection where id = ?").param(client.id())
                .query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(rotated);
        assertThat(jdbc.sql("select count(*) from stored_refresh_token").query(Long.class).single())
                .as("a connection's token never goes to the environment credential's table").isZero();
    }

    @Test
    void aPlatformRevokedConnectionFailsItsAccountsAsAuthKeepsTheirValuesStaleAndIsExpired() {
        start();
        FakePlatform linkedin = sandbox.fake("linkedin");
        Connection client = connections.create(Platform.LINKEDIN, "Northwind", grant(linkedin.credentials(), false),
                List.of(NORTHWIND_LINKEDIN));
        AdAccount account = link(Platform.LINKEDIN, NORTHWIND_LINKEDIN, client);
        assertThat(sync()).allMatch(SyncOutcome::succeeded);

        linkedin.revokeTokens();
        List<SyncOutcome> refused = sync();

        assertThat(refused).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("failed");
            assertThat(o.error()).startsWith("auth: ");
        });
        assertThat(connections.find(client.id()).orElseThrow().status()).isEqualTo(Connection.Status.EXPIRED);
        StoreSpend spend = app.getBean(SpendQueries.class).read(store, lastWeek);
        StoreSpend.AccountSpend kept = spend.accounts().stream().filter(a -> a.accountId() == account.id())
                .findFirst().orElseThrow();
        assertThat(kept.status()).isEqualTo(StoreSpend.Completeness.STALE);
        assertThat(kept.days()).allMatch(day -> day.spend() != null);
        assertThat(spend.complete()).isFalse();
    }

    @Test
    void aRevokedConnectionWipesItsTokensAndItsAccountsAreNotConfiguredWithoutARequest() {
        start();
        FakePlatform linkedin = sandbox.fake("linkedin");
        Connection client = connections.create(Platform.LINKEDIN, "Northwind", grant(linkedin.credentials(), true),
                List.of(NORTHWIND_LINKEDIN));
        AdAccount account = link(Platform.LINKEDIN, NORTHWIND_LINKEDIN, client);
        assertThat(sync()).allMatch(SyncOutcome::succeeded);
        long storedDays = jdbc.sql("select count(*) from spend_version where ad_account_id = ?").param(account.id())
                .query(Long.class).single();

        assertThat(connections.revoke(client.id()).orElseThrow().status()).isEqualTo(Connection.Status.REVOKED);
        Map<String, Object> row = jdbc.sql("select access_ciphertext, refresh_ciphertext from connection where id = ?")
                .param(client.id()).query().singleRow();
        assertThat(row.get("access_ciphertext")).isNull();
        assertThat(row.get("refresh_ciphertext")).isNull();

        linkedin.clearRequests();
        List<SyncOutcome> outcomes = sync();

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error()).startsWith("not_configured"));
        assertThat(linkedin.requests()).as("no request with a revoked connection").isEmpty();
        assertThat(jdbc.sql("select count(*) from spend_version where ad_account_id = ?").param(account.id())
                .query(Long.class).single()).as("nothing written, never a zero").isEqualTo(storedDays);
        assertThat(accounts.linkedById(account.id()).orElseThrow().connectionId()).isEqualTo(client.id());
    }

    private void assertExact(Platform platform, String accountId, String currency) {
        FakeAccount truth = sandbox.fake(platform.slug()).account(accountId).orElseThrow();
        long account = accounts.linked(store).stream().filter(a -> a.externalId().equals(accountId)).findFirst()
                .orElseThrow().id();
        List<Map<String, Object>> days = jdbc.sql("select day, amount_micros from spend_day where ad_account_id = ?")
                .param(account).query().listOfRows();
        assertThat(days).hasSize(lastWeek.days());
        for (Map<String, Object> day : days) {
            LocalDate date = ((java.sql.Date) day.get("day")).toLocalDate();
            assertThat(day.get("amount_micros")).as("%s", date)
                    .isEqualTo(Money.ofMajor(truth.totalOn(date), currency).micros());
        }
    }
}
