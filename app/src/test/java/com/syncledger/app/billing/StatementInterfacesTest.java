package com.syncledger.app.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.api.Http;
import com.syncledger.app.cli.CliRun;
import com.syncledger.app.database.TestApp;
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
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.Sandbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The statement contract through the HTTP API and the CLI: shapes, roles, exit codes. */
class StatementInterfacesTest {

    private static Sandbox sandbox;
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static Env env;
    private static int stores;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.put("SYNCLEDGER_FETCH_MAX_ATTEMPTS", "1");
        app = TestApp.start(true, settings);
        http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        env = app.getBean("env", Env.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    /** A EUR store with one Google account: baseline February (net 1000.00), March net 3465.43. */
    private static long store() {
        int n = ++stores;
        long id = app.getBean(Stores.class).create(new StoreInput("Interfaces " + n, "Europe/Berlin", "EUR")).id();
        FakeAccount google = new FakeAccount("55500000" + String.format("%02d", n), "EUR", "Europe/Berlin", "G")
                .spend(LocalDate.parse("2026-02-02"), "c", "300.00")
                .spend(LocalDate.parse("2026-03-02"), "c", "1234.567891");
        sandbox.fake("google").addAccount(google);
        app.getBean(AdAccounts.class).link(id, AccountId.of(Platform.GOOGLE, google.id()));
        app.getBean(SyncService.class).syncStore(id, DateRange.parse("2026-02-01", "2026-03-31"), SyncProgress.NONE);
        LedgerEntries entries = app.getBean(LedgerEntries.class);
        entry(entries, id, "r1", "revenue", "2026-02-10", "500.00", "EUR", "google");
        entry(entries, id, "r2", "revenue", "2026-02-11", "1500.00", "EUR", null);
        entry(entries, id, "c1", "cogs", "2026-02-12", "700.00", "EUR", null);
        entry(entries, id, "r3", "revenue", "2026-03-05", "1000.00", "EUR", "google");
        entry(entries, id, "r4", "revenue", "2026-03-06", "4000.00", "EUR", null);
        entry(entries, id, "f1", "refund", "2026-03-07", "200.00", "EUR", null);
        entry(entries, id, "s1", "shipping", "2026-03-08", "100.00", "EUR", null);
        return id;
    }

    private static void entry(LedgerEntries entries, long storeId, String id, String kind, String date, String amount,
            String currency, String platform) {
        entries.record(storeId, new LedgerEntryInput(id, kind, date, amount, currency, platform, null, null), "cli");
    }

    private static double uplift(String platform, String currency) {
        var gauge = app.getBean(MeterRegistry.class).find("kiki.net.profit.uplift").tags("platform", platform,
                "currency", currency).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Test
    void theApiPreviewsRefusesWithGapsIssuesOnceAndServesTheIssuedDocumentUnchanged() {
        long id = store();
        String base = "/stores/" + id;
        Http.Reply terms = http.post(base + "/billing-terms",
                "{\"baselineFrom\": \"2026-02-01\", \"baselineTo\": \"2026-02-28\", \"feeRate\": \"0.20\", \"floor\": \"500.00\"}");
        assertThat(terms.status()).as(terms.body()).isEqualTo(201);
        assertThat(terms.json().path("effectiveFrom").asString()).isEqualTo("2026-03-01");

        double upliftBefore = uplift("google", "EUR");
        Http.Reply preview = http.get(base + "/statements/2026-03/preview");
        assertThat(preview.status()).isEqualTo(200);
        JsonNode doc = preview.json();
        assertThat(doc.path("status").asString()).isEqualTo("provisional");
        assertThat(doc.path("settled").asBoolean()).isFalse();
        assertThat(doc.path("netProfit").asString()).isEqualTo("3465.43");
        assertThat(doc.path("baselineNetProfitPerDay").asString()).isEqualTo("35.71");
        assertThat(doc.path("uplift").asString()).isEqualTo("2358.42");
        assertThat(doc.path("fee").asString()).isEqualTo("500.00");
        assertThat(doc.path("adSpend").path("byPlatform").path("google").asString()).isEqualTo("1234.57");
        assertThat(doc.path("upliftByPlatform").path("unattributed").asString()).isEqualTo("2814.33");
        assertThat(doc.path("gaps").get(0).path("kind").asString()).isEqualTo("open_revenue");
        assertThat(uplift("google", "EUR") - upliftBefore).isEqualTo(-455.91, org.assertj.core.data.Offset.offset(1e-9));

        Http.Reply refused = http.post(base + "/statements/2026-03/issue", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/statement-not-settled");
        assertThat(refused.json().path("gaps").get(0).path("kind").asString()).isEqualTo("open_revenue");

        assertThat(http.post(base + "/revenue-close", "{\"through\": \"2026-03-31\"}").status()).isEqualTo(200);
        assertThat(http.withKey(TestApp.READ_KEY.key()).post(base + "/statements/2026-03/issue", null).status())
                .isEqualTo(403);
        Http.Reply issued = http.post(base + "/statements/2026-03/issue", null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().path("status").asString()).isEqualTo("issued");
        Http.Reply again = http.post(base + "/statements/2026-03/issue", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(issued.body());
        assertThat(http.get(base + "/statements/2026-03").body()).isEqualTo(issued.body());
        assertThat(http.get(base + "/statements").json().get(0).path("fee").asString()).isEqualTo("500.00");
        assertThat(http.get(base + "/statements/2026-03/diff").json().path("days")).isEmpty();

        assertThat(http.get(base + "/statements/2026-13/preview").status()).isEqualTo(400);
        assertThat(http.get(base + "/statements/2099-01/preview").status()).isEqualTo(400);
        assertThat(http.get(base + "/statements/2026-02").status()).isEqualTo(404);
    }

    @Test
    void theCliExitsZeroOneOrTwoAsTheContractSays() {
        long id = store();
        String store = String.valueOf(id);
        CliRun badRate = CliRun.of(env, "billing", "terms", "--store", store, "--baseline-from", "2026-02-01",
                "--baseline-to", "2026-02-28", "--fee-rate", "-0.2");
        assertThat(badRate.exitCode()).isEqualTo(2);
        assertThat(badRate.err()).contains("feeRate");
        CliRun terms = CliRun.of(env, "billing", "terms", "--store", store, "--baseline-from", "2026-02-01",
                "--baseline-to", "2026-02-28", "--fee-rate", "0.20", "--cap", "400.00");
        assertThat(terms.exitCode()).as(terms.err()).isZero();

        CliRun preview = CliRun.of(env, "statement", "preview", "--store", store, "--period", "2026-03", "--json");
        assertThat(preview.exitCode()).isZero();
        assertThat(preview.out()).contains("\"fee\" : \"400.00\"", "\"status\" : \"provisional\"");

        CliRun refused = CliRun.of(env, "statement", "issue", "--store", store, "--period", "2026-03", "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("open_revenue");
        assertThat(refused.out()).contains("\"gaps\"");
        assertThat(CliRun.of(env, "statement", "issue", "--store", store, "--period", "March").exitCode()).isEqualTo(2);

        assertThat(CliRun.of(env, "ledger", "close", "--store", store, "--through", "2026-03-31").exitCode()).isZero();
        CliRun issued = CliRun.of(env, "statement", "issue", "--store", store, "--period", "2026-03", "--json");
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        CliRun shown = CliRun.of(env, "statement", "show", "--store", store, "--period", "2026-03", "--json");
        assertThat(shown.out()).isEqualTo(issued.out());
        CliRun table = CliRun.of(env, "statement", "show", "--store", store, "--period", "2026-03");
        assertThat(table.out()).contains("ISSUED", "net profit", "3465.43", "monthly cap");
        assertThat(CliRun.of(env, "statement", "list", "--store", store).out()).contains("2026-03", "400.00");
        assertThat(CliRun.of(env, "statement", "show", "--store", store, "--period", "2026-02").exitCode())
                .isEqualTo(2);
    }
}
