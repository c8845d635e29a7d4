package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.syncledger.app.api.Http;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.DemoData;
import com.syncledger.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sync task whose platform budget has no room steps back until its turn instead of waiting on one of the
 * instance's sync threads, so accounts of platforms with room are synced meanwhile. With one sync thread and the
 * waiting task picked first, the accounts behind it would otherwise wait the minutes the budget takes to refill.
 */
class BudgetTurnTest {

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        Map<String, String> settings = TestApp.withRoomyBudgets(sandbox.environment());
        // A burst of 2 (one short sync: the account, one report page), then one request every 5 minutes.
        settings.put("SYNCLEDGER_FETCH_RATE_LIMIT_TIKTOK", "4/10m");
        settings.put("SYNCLEDGER_SYNC_THREADS", "1");
        app = TestApp.start(true, settings);
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void aTaskWaitingForItsBudgetHoldsNoThreadWhileAccountsWithRoomSync() {
        List<DemoData.DemoAccount> tiktok = demoAccounts("tiktok");
        List<DemoData.DemoAccount> meta = demoAccounts("meta");
        long spentBudget = store("TikTok, first", tiktok.get(0));
        long waiting = store("TikTok, second", tiktok.get(1));
        long withRoom = store("Meta", meta.get(0), meta.get(1));
        Http http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        String range = "?from=" + LocalDate.now().minusDays(4) + "&to=" + LocalDate.now().minusDays(2);

        assertThat(http.post("/stores/" + spentBudget + "/sync" + range, "").status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).until(() -> succeededRuns(spentBudget) == 1);
        // TikTok's burst is spent: the next TikTok task is picked first by the only sync thread.
        assertThat(http.post("/stores/" + waiting + "/sync" + range, "").status()).isEqualTo(202);
        assertThat(http.post("/stores/" + withRoom + "/sync" + range, "").status()).isEqualTo(202);

        await().atMost(Duration.ofMinutes(1)).until(() -> succeededRuns(withRoom) == 2);
        assertThat(runs(waiting)).as("the TikTok account waiting for its budget has not started a run").isZero();
        Instant turn = jdbc().sql("select execution_time from scheduled_tasks where task_name = 'account-sync'")
                .query(Instant.class).single();
        assertThat(turn).as("its task waits for the budget's refill, minutes away")
                .isAfter(Instant.now().plus(Duration.ofMinutes(2)));
    }

    private List<DemoData.DemoAccount> demoAccounts(String platform) {
        return DemoData.ACCOUNTS.stream().filter(demo -> demo.platform().equals(platform)).toList();
    }

    private long store(String name, DemoData.DemoAccount... demos) {
        long store = app.getBean(Stores.class).create(new StoreInput(name, "UTC", "USD")).id();
        for (DemoData.DemoAccount demo : demos) {
            app.getBean(AdAccounts.class).link(store, AccountId.of(Platform.fromSlug(demo.platform()), demo.id()));
        }
        return store;
    }

    private int succeededRuns(long store) {
        return jdbc().sql("""
                select count(*) from sync_run r join ad_account a on a.id = r.ad_account_id
                 where a.store_id = ? and r.status = 'succeeded'""").param(store).query(Integer.class).single();
    }

    private int runs(long store) {
        return jdbc().sql("""
                select count(*) from sync_run r join ad_account a on a.id = r.ad_account_id
                 where a.store_id = ?""").param(store).query(Integer.class).single();
    }

    private JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }
}
