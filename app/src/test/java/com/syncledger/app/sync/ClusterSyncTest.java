package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.RequestWindows;
import com.syncledger.sandbox.Sandbox;
import java.io.File;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three instances, each its own JVM running {@code serve}, on one PostgreSQL and the sandbox. Their scheduled
 * turns sync every account exactly once per turn, never two runs of one account at once (from the run
 * records), and together they never send a fake more requests per window than its budget. One instance is
 * killed with SIGKILL in the middle of a turn: the others finish its tasks, with exactly one version per day.
 * <p>
 * The platforms that rotate refresh tokens (Microsoft, Pinterest, Reddit) are among them. Once node-2 is killed
 * every access token expires, so the others refresh the same rotating tokens at the same time: under the refresh
 * lock each refresh sends the token the one before it rotated to, and no run fails {@code auth}.
 */
class ClusterSyncTest {

    private static final Set<String> PLATFORMS = Set.of("meta", "google", "tiktok", "linkedin", "amazon", "snapchat",
            "microsoft", "pinterest", "reddit");
    private static final Set<String> ROTATING = Set.of("microsoft", "pinterest", "reddit");
    private static final int BUDGET = 30;
    private static final Duration BUDGET_PERIOD = Duration.ofSeconds(10);
    private static final Duration TURN_INTERVAL = Duration.ofSeconds(40);

    @Test
    void threeInstancesShareTheTurnsAndTheBudgetsAndFinishTheTasksOfOneThatWasKilled() throws Exception {
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            TestDatabase.Fresh db = TestDatabase.fresh();
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            for (Platform platform : Platform.values()) {
                settings.put("SYNCLEDGER_FETCH_RATE_LIMIT_" + platform.name(), BUDGET + "/" + BUDGET_PERIOD.toSeconds() + "s");
            }
            settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "2");
            settings.put("SYNCLEDGER_FETCH_INITIAL_BACKOFF", "10ms");
            settings.put("SYNCLEDGER_FETCH_MAX_BACKOFF", "50ms");
            settings.put("SYNCLEDGER_API_KEYS", TestApp.WRITE_KEY.entry());
            settings.put("SYNCLEDGER_SYNC_INITIAL_DELAY", "PT3S");
            settings.put("SYNCLEDGER_SYNC_INTERVAL", "PT" + TURN_INTERVAL.toSeconds() + "S");
            // Dead after 5 s without a heartbeat: three JVMs starting on a busy machine can stall for 2 s.
            settings.put("SYNCLEDGER_SYNC_HEARTBEAT", "1s");
            settings.put("SYNCLEDGER_SYNC_MISSED_HEARTBEATS", "5");
            settings.put("SYNCLEDGER_SYNC_POLL_INTERVAL", "500ms");
            settings.put("SYNCLEDGER_SYNC_BUSY_RETRY", "500ms");
            settings.put("SYNCLEDGER_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));

            // The stores and links, written before any instance runs, through the service's own classes.
            List<Long> accounts = new ArrayList<>();
            try (ConfigurableApplicationContext setup = TestApp.start(false, db.env(settings), List.of())) {
                for (String name : List.of("North", "South")) {
                    long store = setup.getBean(Stores.class).create(new StoreInput(name, "UTC", "USD")).id();
                    for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
                        if (PLATFORMS.contains(demo.platform())) {
                            accounts.add(setup.getBean(AdAccounts.class)
                                    .link(store, AccountId.of(Platform.fromSlug(demo.platform()), demo.id())).id());
                        }
                    }
                }
            }
            PLATFORMS.forEach(slug -> sandbox.fake(slug).latency(Duration.ofMillis(100)));

            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            List<Process> instances = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    instances.add(startInstance("node-" + i, settings, db));
                }
                // Kill node-2 once it runs syncs of the first turn.
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(20)).until(() ->
                        count(jdbc, "select count(*) from sync_run where instance = 'node-2' and status = 'running'") > 0);
                instances.get(1).destroyForcibly().waitFor();
                // The survivors now refresh the rotating tokens, at the same time.
                ROTATING.forEach(slug -> sandbox.fake(slug).expireAccessTokens());

                // Two turns: every account has two tasks, each ended with a succeeded run.
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() ->
                        count(jdbc, """
                                select count(*) from (select ad_account_id from sync_run where status = 'succeeded'
                                group by ad_account_id having count(distinct task_instance) >= 2) done""")
                                == accounts.size());
            } finally {
                for (Process instance : instances) {
                    instance.destroy();
                }
                for (Process instance : instances) {
                    instance.waitFor();
                }
            }

            // Exactly once per turn: per account, each turn's task has exactly one succeeded run.
            assertThat(jdbc.sql("""
                    select task_instance from sync_run where status = 'succeeded'
                    group by task_instance having count(*) <> 1""").query(String.class).list()).isEmpty();
            assertThat(jdbc.sql("""
                    select ad_account_id from sync_run where status = 'succeeded' and task_instance is not null
                    group by ad_account_id having count(distinct task_instance) not between 2 and 3""")
                    .query(Long.class).list()).as("one task per account per turn").isEmpty();
            // Never two runs of one account at once.
            assertThat(jdbc.sql("""
                    select a.id from sync_run a join sync_run b on a.ad_account_id = b.ad_account_id and a.id < b.id
                    where a.started_at < coalesce(b.finished_at, now()) and b.started_at < coalesce(a.finished_at, now())""").query(Long.class).list()).isEmpty();
            // The killed instance's tasks were finished by the others.
            assertThat(jdbc.sql("""
                    select count(*) from sync_run r where r.instance = 'node-2' and r.status <> 'succeeded'
                    and not exists (select 1 from sync_run o where o.task_instance = r.task_instance
                                    and o.status = 'succeeded' and o.instance <> 'node-2')""")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select distinct instance from sync_run where status = 'succeeded'")
                    .query(String.class).list()).contains("node-1", "node-3");
            // Exactly one version per day: the second turn re-read the same numbers and changed nothing.
            assertThat(count(jdbc, """
                    select count(*) from (select 1 from spend_version group by ad_account_id, day
                    having count(*) > 1) twice""")).isZero();
            assertThat(count(jdbc, "select count(*) from spend_day")).isPositive();
            // The instances together stayed within each platform's budget, counted as the fake saw them (token
            // refreshes go to the platform's sign-in service, which does not count against the API's limit).
            for (String slug : PLATFORMS) {
                List<RecordedRequest> api = sandbox.fake(slug).requests().stream()
                        .filter(request -> !isTokenRequest(sandbox.fake(slug), request)).toList();
                assertThat(RequestWindows.maxInAnyWindow(api, BUDGET_PERIOD))
                        .as("requests %s received in any %s", slug, BUDGET_PERIOD).isLessThanOrEqualTo(BUDGET);
            }
            // Rotating tokens: every refresh sent the newest token (one sent twice was refused), no run failed auth.
            for (String slug : ROTATING) {
                FakePlatform fake = sandbox.fake(slug);
                List<String> sent = fake.requests().stream().filter(request -> isTokenRequest(fake, request))
                        .map(ClusterSyncTest::refreshTokenSent).toList();
                assertThat(sent).as("refresh tokens sent to %s", slug).isNotEmpty().doesNotHaveDuplicates();
            }
            assertThat(count(jdbc, "select count(*) from sync_run where error_kind = 'auth'")).isZero();
        }
    }

    private static boolean isTokenRequest(FakePlatform fake, RecordedRequest request) {
        return (fake.baseUrl() + request.path()).equals(fake.tokenUrl());
    }

    private static String refreshTokenSent(RecordedRequest request) {
        return Arrays.stream(request.body().split("&")).filter(pair -> pair.startsWith("refresh_token="))
                .map(pair -> URLDecoder.decode(pair.substring("refresh_token=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** {@code syncledger serve} in its own JVM, on this test's classpath, database and sandbox. */
    private static Process startInstance(String name, Map<String, String> settings, TestDatabase.Fresh db)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SyncLedgerApplication.class.getName(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("cluster-" + name + "-", ".log"));
        builder.environment().putAll(settings);
        builder.environment().putAll(db.settings());
        builder.environment().put("SYNCLEDGER_INSTANCE_NAME", name);
        builder.environment().put("SYNCLEDGER_PORT", String.valueOf(freePort()));
        return builder.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
