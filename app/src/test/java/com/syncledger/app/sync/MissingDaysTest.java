package com.syncledger.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.amazon.AmazonAdProduct;
import com.syncledger.sandbox.amazon.AmazonAdsFake;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform that leaves out the oldest days of a backfill (as Amazon did for old Sponsored Products
 * reports): those days stay missing in the ledger, never zero, and the store's spend says so.
 */
class MissingDaysTest {

    private static final String PROFILE = "3141592653589793";

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private long storeId;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        ((AmazonAdsFake) sandbox.fake("amazon")).rowsOnlyForLastDays(65)
                .withoutProduct(PROFILE, AmazonAdProduct.SPONSORED_BRANDS)
                .withoutProduct(PROFILE, AmazonAdProduct.SPONSORED_DISPLAY);
        Env env = TestDatabase.fresh().env(SyncTest.fastRetries(sandbox));
        app = new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
        storeId = app.getBean(Stores.class).create(new StoreInput("Northwind", "America/New_York", "USD")).id();
        app.getBean(AdAccounts.class).link(storeId, AccountId.of(Platform.AMAZON, PROFILE));
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    @Test
    void daysAnOldReportLeftOutAreMissingNotZero() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        DateRange backfill = DateRange.of(today.minusDays(85), today.minusDays(55));

        List<SyncOutcome> outcomes = app.getBean(SyncService.class).syncStore(storeId, backfill, SyncProgress.NONE);

        assertThat(outcomes).allMatch(SyncOutcome::succeeded);
        StoreSpend spend = app.getBean(SpendQueries.class).read(storeId, backfill);
        StoreSpend.AccountSpend amazon = spend.accounts().getFirst();
        // Rows came back for the last 65 days only: the days before them are not known to be zero. Empty days
        // just after (no Sponsored Products spend) may be missing too, but never a day within 60 days.
        List<LocalDate> leftOut = DateRange.of(backfill.from(), today.minusDays(66)).dates().toList();
        assertThat(amazon.status()).isEqualTo(StoreSpend.Completeness.MISSING_DAYS);
        assertThat(amazon.missingDays()).containsAll(leftOut)
                .allMatch(day -> day.isBefore(today.minusDays(60)));
        assertThat(spend.complete()).isFalse();
        long storedOld = app.getBean(JdbcClient.class)
                .sql("select count(*) from spend_day where ad_account_id = ? and day < ?")
                .params(amazon.accountId(), today.minusDays(65)).query(Long.class).single();
        assertThat(amazon.days()).filteredOn(day -> day.date().isAfter(today.minusDays(60)))
                .allMatch(day -> day.spend() != null);
        assertThat(storedOld).as("no zero was written for a day the report left out").isZero();
    }
}
