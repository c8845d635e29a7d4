package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Sandbox;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * Stores with billable data for statement tests: spend synced from the sandbox platforms into a real
 * PostgreSQL, ledger entries, FX rates and terms, as worked by hand in docs/billing.md ("A month with three
 * platforms and three currencies": April 2026 has a net profit of 3895.00 USD and a fee of 329.00).
 */
public final class BillingFixture {

    /** A USD store with Meta in JPY, Google in USD and Microsoft in GBP, spend on the days of the worked example. */
    public record Store(long storeId, FakeAccount google, FakeAccount microsoft) {
    }

    private final Sandbox sandbox;
    private final ApplicationContext app;
    private int storeCount;

    /** Call {@link #ratesOfTheWorkedExample()} once before the first store's statements. */
    public BillingFixture(Sandbox sandbox, ApplicationContext app) {
        this.sandbox = sandbox;
        this.app = app;
    }

    /** The settings an app needs to sync from the sandbox, failing fast. */
    public static Map<String, String> settings(Sandbox sandbox) {
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "1");
        return settings;
    }

    public void ratesOfTheWorkedExample() {
        rate("2026-04-07", "USD", "1.0825");
        rate("2026-04-07", "GBP", "0.85");
        rate("2026-04-07", "JPY", "160.00");
    }

    public void rate(String day, String quote, String rate) {
        app.getBean(FxRates.class).set(day, "EUR", quote, rate, "ecb", "cli");
    }

    public Store store() {
        return store("Billing " + (storeCount + 1));
    }

    public Store store(String name) {
        int n = ++storeCount;
        long storeId = app.getBean(Stores.class).create(new StoreInput(name, "America/New_York", "USD")).id();
        String suffix = String.format("%02d", n);
        FakeAccount meta = new FakeAccount("10000000" + suffix, "JPY", "Asia/Tokyo", "Meta JPY")
                .spend(LocalDate.parse("2026-04-07"), "c1", "1000");
        FakeAccount google = new FakeAccount("12345678" + suffix, "USD", "America/New_York", "Google USD")
                .spend(LocalDate.parse("2026-03-03"), "c1", "155.00")
                .spend(LocalDate.parse("2026-04-10"), "c1", "50.00");
        FakeAccount microsoft = new FakeAccount("1490000" + suffix, "GBP", "Europe/London", "Bing GBP")
                .spend(LocalDate.parse("2026-04-07"), "c1", "100.00");
        sandbox.fake("meta").addAccount(meta);
        sandbox.fake("google").addAccount(google);
        sandbox.fake("microsoft").addAccount(microsoft);
        AdAccounts accounts = app.getBean(AdAccounts.class);
        accounts.link(storeId, AccountId.of(Platform.META, meta.id()));
        accounts.link(storeId, AccountId.of(Platform.GOOGLE, google.id()));
        accounts.link(storeId, AccountId.of(Platform.MICROSOFT, microsoft.id()));
        sync(storeId, "2026-03-01", "2026-05-31");

        entry(storeId, "b-rev", "revenue", "2026-03-15", "3100.01", "USD", null);
        entry(storeId, "b-cogs", "cogs", "2026-03-16", "620.00", "USD", null);
        entry(storeId, "a-rev-usd", "revenue", "2026-04-07", "100.01", "USD", null);
        entry(storeId, "a-rev-eur", "revenue", "2026-04-07", "30.00", "EUR", null);
        entry(storeId, "a-rev-meta", "revenue", "2026-04-20", "5000.00", "USD", "meta");
        entry(storeId, "a-refund", "refund", "2026-04-21", "40.00", "USD", null);
        entry(storeId, "a-cogs", "cogs", "2026-04-22", "1000.00", "USD", null);
        entry(storeId, "a-fee", "payment_fee", "2026-04-07", "12.34", "EUR", null);
        app.getBean(BillingTerms.class).set(storeId, new TermsInput("2026-03-01", "2026-03-31", "0.20", null, null,
                null), "cli");
        return new Store(storeId, google, microsoft);
    }

    public void sync(long storeId, String from, String to) {
        app.getBean(SyncService.class).syncStore(storeId, DateRange.parse(from, to), SyncProgress.NONE)
                .forEach(outcome -> assertThat(outcome.succeeded()).as(outcome.toString()).isTrue());
    }

    public void entry(long storeId, String id, String kind, String date, String amount, String currency,
            String platform) {
        app.getBean(LedgerEntries.class).record(storeId, new LedgerEntryInput(id, kind, date, amount, currency, platform,
                null, null), "cli");
    }

    public void closeRevenue(long storeId, String through) {
        app.getBean(RevenueCloses.class).close(storeId, LocalDate.parse(through), "cli");
    }
}
