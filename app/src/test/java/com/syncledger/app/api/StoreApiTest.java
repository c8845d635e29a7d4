package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import com.syncledger.app.ledger.SpendWriter;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.SpendReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class StoreApiTest {

    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void createsReadsListsAndUpdatesStoresAndLinksAccounts() {
        Http.Reply created = http.post("/stores", """
                {"name": "Northwind", "timeZone": "America/New_York", "billingCurrency": "usd"}""");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("billingCurrency").asString()).isEqualTo("USD");

        assertThat(http.get("/stores/" + id).json().get("name").asString()).isEqualTo("Northwind");
        assertThat(http.get("/stores?limit=10").json().get("items").size()).isGreaterThanOrEqualTo(1);
        Http.Reply updated = http.send("PUT", "/stores/" + id, """
                {"name": "Northwind Inc", "timeZone": "America/New_York", "billingCurrency": "USD"}""");
        assertThat(updated.json().get("name").asString()).isEqualTo("Northwind Inc");

        Http.Reply linked = http.post("/stores/" + id + "/accounts", """
                {"platform": "google", "accountId": "123-456-7890"}""");
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.json().get("accountId").asString()).isEqualTo("1234567890");
        assertThat(http.post("/stores/" + id + "/accounts", """
                {"platform": "google", "accountId": "1234567890"}""").status()).isEqualTo(409);
        assertThat(http.get("/stores/" + id + "/accounts").json().size()).isEqualTo(1);

        Http.Reply spend = http.get("/stores/" + id + "/spend?from=2026-01-01&to=2026-01-02");
        assertThat(spend.status()).isEqualTo(200);
        assertThat(spend.json().get("complete").asBoolean()).isFalse();
        assertThat(spend.json().at("/accounts/0/status").asString()).isEqualTo("missing_days");
        assertThat(spend.json().at("/accounts/0/days/0/spend").isNull()).isTrue();

        long accountId = linked.json().get("id").asLong();
        assertThat(http.send("DELETE", "/stores/" + id + "/accounts/" + accountId, null).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/stores/" + id + "/accounts/" + accountId, null).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemDetailAndWritesNothing() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long before = jdbc.sql("select count(*) from store").query(Long.class).single();
        Http.Reply reply = http.post("/stores", """
                {"name": "", "timeZone": "Mars/Base", "billingCurrency": "EURO"}""");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://syncledger.dev/problems/invalid-input");
        assertThat(reply.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "timeZone", "billingCurrency");

        Http.Reply unknownField = http.post("/stores", """
                {"name": "x", "timeZone": "UTC", "billingCurrency": "EUR", "owner": "mallory"}""");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
        assertThat(jdbc.sql("select count(*) from store").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theSummaryListsEveryMonthOfTheRangeAndOnlyTheDaysStored() {
        long id = http.post("/stores", """
                {"name": "Summary %d", "timeZone": "UTC", "billingCurrency": "EUR"}""".formatted(System.nanoTime()))
                .json().get("id").asLong();
        long account = http.post("/stores/" + id + "/accounts", """
                {"platform": "meta", "accountId": "4242"}""").json().get("id").asLong();
        app.getBean(SpendWriter.class).write(account, null, new SpendReport(DateRange.parse("2026-01-30", "2026-02-01"),
                List.of(new DailySpend(LocalDate.parse("2026-01-30"), Money.parseMajor("10.50", "EUR")),
                        new DailySpend(LocalDate.parse("2026-01-31"), Money.parseMajor("0.00", "EUR")),
                        new DailySpend(LocalDate.parse("2026-02-01"), Money.parseMajor("2.25", "EUR"))),
                List.of("req")), Instant.parse("2026-02-02T08:00:00Z"));

        Http.Reply summary = http.get("/stores/" + id + "/spend/summary?from=2025-12&to=2026-02");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("from").asString()).isEqualTo("2025-12");
        assertThat(summary.json().at("/months/0/month").asString()).isEqualTo("2025-12");
        assertThat(summary.json().at("/months/0/platforms").size()).isZero();
        assertThat(summary.json().at("/months/1/platforms/0/platform").asString()).isEqualTo("meta");
        assertThat(summary.json().at("/months/1/platforms/0/spend/amount").asString()).isEqualTo("10.50");
        assertThat(summary.json().at("/months/1/platforms/0/days").asInt()).isEqualTo(2);
        assertThat(summary.json().at("/months/2/platforms/0/spend/amount").asString()).isEqualTo("2.25");
        assertThat(summary.json().at("/months/2/platforms/0/lastFetchedAt").asString()).isEqualTo("2026-02-02T08:00:00Z");

        assertThat(http.get("/stores/" + id + "/spend/summary?from=2026-02&to=2026-01").status()).isEqualTo(400);
        assertThat(http.get("/stores/" + id + "/spend/summary?from=2023-01&to=2026-01").status()).isEqualTo(400);
        assertThat(http.get("/stores/" + id + "/spend/summary?from=2026-1&to=2026-02").json().get("errors")
                .propertyNames()).containsExactly("from");
        assertThat(http.get("/stores/" + id + "/spend/summary?to=2026-02").status()).isEqualTo(400);
        assertThat(http.get("/stores/999999/spend/summary?from=2026-01&to=2026-02").status()).isEqualTo(404);
    }
}
