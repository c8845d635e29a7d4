package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
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
}
