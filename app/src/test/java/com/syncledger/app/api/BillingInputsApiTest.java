package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The billing inputs over real HTTP: entry batches, revenue closes, FX rates and the audit trail. */
class BillingInputsApiTest {

    static final String ECB = """
            Date,USD,JPY,BGN,GBP,
            2026-04-08,1.1000,160.50,1.9558,N/A,
            2026-04-07,1.0825,160.00,1.9558,0.85,
            """;

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static JdbcClient jdbc;
    /** {@code key:} and the first 12 hex digits of the write key's configured hash. */
    private static String writeKeyActor;
    private long storeId;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        jdbc = app.getBean(JdbcClient.class);
        writeKeyActor = "key:" + TestApp.WRITE_KEY.entry().substring("write:".length(), "write:".length() + 12);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void newStore() {
        storeId = http.post("/stores", """
                {"name": "Store %d", "timeZone": "America/New_York", "billingCurrency": "USD"}"""
                .formatted(System.nanoTime())).json().get("id").asLong();
    }

    private long entries() {
        return jdbc.sql("select count(*) from ledger_entry where store_id = ?").param(storeId).query(Long.class)
                .single();
    }

    private static String entry(String id, String kind, String date, String amount) {
        return """
                {"externalId": "%s", "kind": "%s", "date": "%s", "amount": "%s", "currency": "USD"}"""
                .formatted(id, kind, date, amount);
    }

    @Test
    void aBatchIsAllOrNothingAndSaysWhatItRecorded() {
        String path = "/stores/" + storeId + "/ledger-entries/batch";
        Http.Reply refused = http.post(path, "{\"entries\": [" + entry("a-1", "revenue", "2026-03-01", "10.00") + ", "
                + entry("a-2", "cogs", "2026-03-01", "-4.00") + ", " + entry("a-3", "refund", "2026-03-32", "1.00")
                + "]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://syncledger.dev/problems/invalid-input");
        assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("entries[1].amount",
                "entries[2].date");
        assertThat(entries()).isZero();

        String batch = "{\"entries\": [" + entry("a-1", "revenue", "2026-03-01", "10.00") + ", "
                + entry("a-2", "payment_fee", "2026-03-01", "0.30") + "]}";
        Http.Reply first = http.post(path, batch);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("recorded").asInt()).isEqualTo(2);
        assertThat(first.json().at("/entries/1/status").asString()).isEqualTo("created");
        assertThat(first.json().at("/entries/1/entry/kind").asString()).isEqualTo("payment_fee");
        assertThat(first.json().at("/entries/1/entry/amount/amount").asString()).isEqualTo("0.30");
        Http.Reply again = http.post(path, batch);
        assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(2);
        assertThat(again.json().at("/entries/0/status").asString()).isEqualTo("already_present");
        assertThat(entries()).isEqualTo(2);

        Http.Reply conflict = http.post(path, "{\"entries\": [" + entry("a-9", "revenue", "2026-03-02", "1.00") + ", "
                + entry("a-1", "revenue", "2026-03-01", "11.00") + "]}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).contains("entries[1] ('a-1')");
        assertThat(entries()).isEqualTo(2);

        assertThat(http.post(path, "{\"entries\": []}").status()).isEqualTo(400);
        assertThat(http.post(path, "{}").json().get("errors").has("entries")).isTrue();
    }

    @Test
    void aBatchLargerThanTheSmallBodyLimitIsAccepted() {
        StringBuilder batch = new StringBuilder("{\"entries\": [");
        for (int i = 0; i < 2_000; i++) {
            batch.append(i == 0 ? "" : ", ").append(entry("bulk-" + i, "revenue", "2026-03-01", "1.00"));
        }
        batch.append("]}");
        assertThat(batch.length()).isGreaterThan(64 * 1024);
        Http.Reply reply = http.post("/stores/" + storeId + "/ledger-entries/batch", batch.toString());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("recorded").asInt()).isEqualTo(2_000);
    }

    @Test
    void aCloseRefusesLateEntriesOnEveryPathAndNeverMovesBack() {
        String close = "/stores/" + storeId + "/revenue-close";
        assertThat(http.get(close).json().get("closedThrough").isNull()).isTrue();
        assertThat(http.post("/stores/" + storeId + "/ledger-entries", entry("m-1", "revenue", "2026-03-31", "5.00"))
                .status()).isEqualTo(201);

        Http.Reply closed = http.post(close, "{\"through\": \"2026-03-31\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("closedThrough").asString()).isEqualTo("2026-03-31");
        assertThat(http.get(close).json().get("closedThrough").asString()).isEqualTo("2026-03-31");
        assertThat(new Http(TestApp.baseUrl(app), TestApp.READ_KEY.key()).post(close, "{\"through\": \"2026-04-01\"}")
                .status()).as("closing needs the write role").isEqualTo(403);

        Http.Reply single = http.post("/stores/" + storeId + "/ledger-entries",
                entry("late-1", "shipping", "2026-03-31", "5.00"));
        assertThat(single.status()).isEqualTo(409);
        assertThat(single.json().get("detail").asString()).contains("closed through 2026-03-31",
                "a late correction goes in as an adjustment dated in an open period");
        Http.Reply batch = http.post("/stores/" + storeId + "/ledger-entries/batch", "{\"entries\": ["
                + entry("ok-1", "revenue", "2026-04-01", "5.00") + ", " + entry("late-2", "adjustment", "2026-03-01",
                        "-5.00") + "]}");
        assertThat(batch.status()).isEqualTo(409);
        assertThat(batch.json().get("detail").asString()).contains("entries[1] dated 2026-03-01");
        assertThat(entries()).isEqualTo(1);

        Http.Reply back = http.post(close, "{\"through\": \"2026-02-28\"}");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("detail").asString()).contains("a close never moves back");
        String tomorrow = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).toString();
        Http.Reply future = http.post(close, "{\"through\": \"" + tomorrow + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get("through").asString()).contains("America/New_York");
        assertThat(http.post(close, "{\"through\": \"March\"}").status()).isEqualTo(400);
        assertThat(http.get("/stores/987654321/revenue-close").status()).isEqualTo(404);
        assertThat(http.get(close).json().get("closedThrough").asString()).isEqualTo("2026-03-31");
    }

    @Test
    void ecbRatesAndRatesByHandAreRecordedOnceAndListed() {
        long before = jdbc.sql("select count(*) from fx_rate").query(Long.class).single();
        Http.Reply imported = postCsv(ECB);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("recorded").asInt() + imported.json().get("alreadyPresent").asInt())
                .isEqualTo(7);
        assertThat(postCsv(ECB).json().get("recorded").asInt()).as("a repeated import").isZero();

        Http.Reply conflicting = postCsv(ECB.replace("160.50", "160.55"));
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.json().get("detail").asString()).contains("2026-04-08 EUR/JPY is recorded as 160.50");
        Http.Reply invalid = postCsv("Date,USD,XYZ\n2026-04-09,-1,1\n");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").has("line 1 column 3")).isTrue();
        assertThat(http.send("POST", "/fx-rates/ecb", ECB).status()).as("CSV only").isEqualTo(415);
        assertThat(jdbc.sql("select count(*) from fx_rate").query(Long.class).single()).isEqualTo(before + 7);

        Http.Reply set = http.post("/fx-rates", """
                {"date": "2026-04-08", "base": "EUR", "quote": "GBP", "rate": "0.8512"}""");
        assertThat(set.status()).isEqualTo(201);
        assertThat(set.json().get("source").asString()).isEqualTo("manual");
        assertThat(set.json().get("rate").asString()).isEqualTo("0.8512");
        assertThat(http.post("/fx-rates", """
                {"date": "2026-04-08", "base": "EUR", "quote": "GBP", "rate": "0.85120"}""").status()).isEqualTo(200);
        assertThat(http.post("/fx-rates", """
                {"date": "2026-04-08", "base": "EUR", "quote": "GBP", "rate": "0.86"}""").status()).isEqualTo(409);
        Http.Reply bad = http.post("/fx-rates", """
                {"date": "2026-04-31", "base": "EUR", "quote": "ZZZ", "rate": "-0.5"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").propertyNames()).containsExactlyInAnyOrder("date", "quote", "rate");

        JsonNode listed = http.get("/fx-rates?from=2026-04-07&to=2026-04-08&quote=gbp").json();
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).get("rate").asString()).isEqualTo("0.85");
        assertThat(listed.get(1).get("source").asString()).isEqualTo("manual");
        assertThat(http.get("/fx-rates?from=2026-04-07&to=2026-04-08").json().size()).isEqualTo(8);
        assertThat(http.get("/fx-rates?from=2026-04-07").status()).isEqualTo(400);
    }

    @Test
    void everyWriteIsAuditedWithTheKeysFingerprint() {
        http.post("/stores/" + storeId + "/ledger-entries", entry("au-1", "revenue", "2026-03-01", "5.00"));
        http.post("/stores/" + storeId + "/ledger-entries/batch", "{\"entries\": ["
                + entry("au-2", "other_cost", "2026-03-02", "1.00") + "]}");
        http.post("/stores/" + storeId + "/revenue-close", "{\"through\": \"2026-03-02\"}");

        Http.Reply audit = http.withKey(TestApp.READ_KEY.key()).get("/audit?store=" + storeId);
        assertThat(audit.status()).isEqualTo(200);
        JsonNode items = audit.json().get("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).get("action").asString()).isEqualTo("revenue_close.close");
        assertThat(items.get(1).get("action").asString()).isEqualTo("ledger_entry.batch");
        assertThat(items.get(2).get("action").asString()).isEqualTo("ledger_entry.record");
        assertThat(items.get(2).at("/details/externalId").asString()).isEqualTo("au-1");
        for (JsonNode item : items) {
            assertThat(item.get("actor").asString()).isEqualTo(writeKeyActor);
            assertThat(item.get("storeId").asLong()).isEqualTo(storeId);
        }
        assertThat(audit.body()).doesNotContain(TestApp.WRITE_KEY.key());

        http.post("/fx-rates", """
                {"date": "2026-01-02", "base": "USD", "quote": "CAD", "rate": "1.3712"}""");
        JsonNode all = http.get("/audit?limit=1").json().get("items");
        assertThat(all.get(0).get("action").asString()).isEqualTo("fx_rate.set");
        assertThat(all.get(0).get("storeId").isNull()).isTrue();
        assertThat(http.get("/audit?store=987654321").status()).isEqualTo(404);
        assertThat(http.get("/audit?limit=0").status()).isEqualTo(400);
    }

    private static Http.Reply postCsv(String csv) {
        return http.send("POST", "/fx-rates/ecb", Map.of("Content-Type", "text/csv"), BodyPublishers.ofString(csv));
    }
}
