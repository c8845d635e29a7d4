package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A burst of sync requests on one store while readers go on, as a new user tried it on the demo: every read
 * is answered, every request is accepted, and every accepted request ends as a recorded run of its task
 * (several requests sharing a task when they were coalesced), with never two runs of one account at once.
 */
class SyncRequestBurstTest {

    private static final int REQUESTS = 20;

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = TestApp.withRoomyBudgets(sandbox.environment());
        app = TestApp.start(true, settings);
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void twentyConcurrentSyncRequestsLeaveReadsAnsweredAndEachEndsAsARecordedRun() throws Exception {
        long store = app.getBean(Stores.class).create(new StoreInput("Burst", "UTC", "USD")).id();
        AdAccounts accounts = app.getBean(AdAccounts.class);
        for (DemoData.DemoAccount demo : DemoData.ACCOUNTS.subList(0, 4)) {
            accounts.link(store, AccountId.of(Platform.fromSlug(demo.platform()), demo.id()));
        }
        // Slow platforms keep the syncs running while the requests and reads arrive.
        DemoData.ACCOUNTS.subList(0, 4).forEach(demo -> sandbox.fake(demo.platform()).latency(Duration.ofMillis(100)));
        Http http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        String range = "?from=" + java.time.LocalDate.now().minusDays(20) + "&to=" + java.time.LocalDate.now().minusDays(2);

        AtomicBoolean requesting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> readStatuses = new ConcurrentLinkedQueue<>();
        List<Http.Reply> accepted = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(threads.submit(() -> {
                    do {
                        readStatuses.add(http.get("/stores").status());
                    } while (requesting.get() || readStatuses.size() < 40);
                }));
            }
            List<Future<Http.Reply>> posts = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String query = i % 2 == 0 ? "" : range;
                posts.add(threads.submit(() -> http.post("/stores/" + store + "/sync" + query, "")));
            }
            for (Future<Http.Reply> post : posts) {
                accepted.add(post.get());
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> activeTasks() == 0);
            requesting.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        }

        assertThat(accepted).extracting(Http.Reply::status).containsOnly(202);
        assertThat(readStatuses).isNotEmpty().containsOnly(200);

        Map<String, JsonNode> runsByTask = new HashMap<>();
        for (JsonNode run : http.get("/stores/" + store + "/sync-runs?limit=200").json().get("items")) {
            runsByTask.put(run.get("task").asString(), run);
            assertThat(run.get("instance").asString()).isNotBlank();
        }
        Set<String> tasks = new HashSet<>();
        boolean anyCoalesced = false;
        for (Http.Reply reply : accepted) {
            JsonNode body = reply.json();
            assertThat(body.get("status").asString()).isEqualTo("started");
            assertThat(body.get("tasks")).hasSize(4);
            for (JsonNode ticket : body.get("tasks")) {
                String task = ticket.get("task").asString();
                tasks.add(task);
                anyCoalesced |= ticket.get("coalesced").asBoolean();
                assertThat(runsByTask).as("the run of task %s", task).containsKey(task);
                assertThat(runsByTask.get(task).get("accountId").asLong()).isEqualTo(ticket.get("accountId").asLong());
            }
        }
        assertThat(anyCoalesced).as("requests identical to a waiting one joined it").isTrue();
        assertThat(tasks.size()).as("fewer tasks than requests times accounts").isLessThan(REQUESTS * 4);
        assertNoOverlappingRuns();
    }

    private int activeTasks() {
        return app.getBean(JdbcClient.class).sql("select count(*) from scheduled_tasks where task_name = 'account-sync'")
                .query(Integer.class).single();
    }

    /** From the run records: no account has two runs whose times overlap. */
    private void assertNoOverlappingRuns() {
        List<Map<String, Object>> overlaps = app.getBean(JdbcClient.class).sql("""
                select a.id, b.id from sync_run a join sync_run b
                  on a.ad_account_id = b.ad_account_id and a.id < b.id
                 and a.started_at < coalesce(b.finished_at, now()) and b.started_at < coalesce(a.finished_at, now())""")
                .query().listOfRows();
        assertThat(overlaps).as("overlapping runs of one account").isEmpty();
    }
}
