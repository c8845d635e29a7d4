package com.syncledger.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.Sandbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refresh of a rotating token (Microsoft rotates on every refresh) runs under the credential's advisory lock:
 * two connectors of one credential, each with its own refresher and database connection as two processes
 * have, never send the same refresh token, so neither is refused.
 */
class RefreshLockTest {

    private static final String KEY = Base64.getEncoder().encodeToString("r".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final AccountId ACCOUNT = AccountId.of(Platform.MICROSOFT, "149012345");
    /**
     * A thread of its own for each "process": the common pool, shared with whatever else runs in this JVM, could
     * leave a task queued behind blocked ones, and the test would wait for a lock nobody asked for.
     */
    private static final Executor OWN_THREAD = task -> Thread.ofPlatform().daemon().start(task);

    private Sandbox sandbox;
    private FakePlatform microsoft;
    private TestDatabase.Fresh db;
    private Env env;
    private ConfigurableApplicationContext app;
    private StoredRefreshTokens tokens;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        microsoft = sandbox.fake("microsoft");
        db = TestDatabase.fresh();
        env = env(sandbox, db);
        app = new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
        tokens = app.getBean(StoredRefreshTokens.class);
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void aRefreshWaitsWhileAnotherProcessHoldsTheCredentialsLock() throws Exception {
        SpendConnector connector = connector();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tokens.exclusively(Platform.MICROSOFT, () -> {
            held.countDown();
            awaitQuietly(release);
            return null;
        }), OWN_THREAD);
        held.await();

        CompletableFuture<Void> refreshing = CompletableFuture.runAsync(() -> connector.accountInfo(ACCOUNT), OWN_THREAD);
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                if (refreshing.isDone()) {
                    refreshing.join(); // it did not wait for the lock: its own error says why
                    throw new AssertionError("the refresh finished without waiting for the lock");
                }
                return jdbc.sql("""
                        select count(*) from pg_locks where locktype = 'advisory' and not granted
                        and database = (select oid from pg_database where datname = current_database())""")
                        .query(Long.class).single() == 1;
            });
            assertThat(tokenRequests(microsoft)).as("no refresh while another process holds the lock").isEmpty();
        } finally {
            release.countDown();
        }
        other.join();
        refreshing.join();
        assertThat(tokenRequests(microsoft)).hasSize(1);
        assertThat(tokens.latest(Platform.MICROSOFT)).get()
                .satisfies(stored -> assertThat(stored.reveal()).isEqualTo(microsoft.currentRefreshToken()));
    }

    @Test
    void twoProcessesRefreshingOneRotatingTokenAtOnceAreNeverRefused() {
        List<SpendConnector> processes = List.of(connector(), connector());
        int rounds = 8;
        CyclicBarrier together = new CyclicBarrier(processes.size());
        for (int round = 0; round < rounds; round++) {
            microsoft.expireAccessTokens();
            List<CompletableFuture<Void>> refreshes = new ArrayList<>();
            for (SpendConnector process : processes) {
                refreshes.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(together);
                    process.accountInfo(ACCOUNT);
                }, OWN_THREAD));
            }
            refreshes.forEach(CompletableFuture::join);
        }

        // Every refresh sent the token the one before it rotated to: none was sent twice, none refused.
        List<String> sent = tokenRequests(microsoft).stream().map(RefreshLockTest::refreshTokenSent).toList();
        assertThat(sent).hasSize(rounds * processes.size()).doesNotHaveDuplicates();
        assertThat(tokens.latest(Platform.MICROSOFT)).get()
                .satisfies(stored -> assertThat(stored.reveal()).isEqualTo(microsoft.currentRefreshToken()));
    }

    private static Env env(Sandbox sandbox, TestDatabase.Fresh db) {
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.remove("MICROSOFT_ACCESS_TOKEN"); // the first call refreshes
        settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
        return db.env(settings);
    }

    /** A connector with its own refresher, as another process builds it: on the stored tokens over the configured. */
    private SpendConnector connector() {
        return Connectors.create(Platform.MICROSOFT, tokens.overlay(env), WireClient.withDefaults(), tokens);
    }

    private static List<RecordedRequest> tokenRequests(FakePlatform fake) {
        return fake.requests().stream().filter(r -> (fake.baseUrl() + r.path()).equals(fake.tokenUrl())).toList();
    }

    private static String refreshTokenSent(RecordedRequest request) {
        return Arrays.stream(request.body().split("&")).filter(pair -> pair.startsWith("refresh_token="))
                .map(pair -> URLDecoder.decode(pair.substring("refresh_token=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
