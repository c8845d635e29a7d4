package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and hostile requests, each answered with the right 4xx problem before any work is done: the row
 * count of every table is the same after the request as before.
 */
class MalformedRequestsTest {

    private static final String STORE = """
            {"name": "Northwind", "timeZone": "America/New_York", "billingCurrency": "USD"}""";

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static JdbcClient jdbc;
    private static long storeId;

    /**
     * One request and the answer it must get. {@code path} may contain {@code {store}} for the fixture store;
     * {@code field}, when not null, must be named in the problem's {@code errors}.
     */
    record Case(String name, String method, String path, String contentType, byte[] body, boolean chunked,
            int status, String kind, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        app = TestApp.start(true, Map.of());
        http = new Http(TestApp.baseUrl(app), TestApp.WRITE_KEY.key());
        jdbc = app.getBean(JdbcClient.class);
        storeId = http.post("/stores", STORE).json().get("id").asLong();
        assertThat(http.post("/stores/" + storeId + "/accounts", """
                {"platform": "google", "accountId": "123-456-7890"}""").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Case> cases() {
        String tooLong = "x".repeat(100 * 1024);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        return Stream.of(
                // Bodies that are not the JSON the endpoint reads
                json("syntax error", "POST", "/stores", "{\"name\": \"x\",", 400, "invalid-request", null),
                json("array instead of object", "POST", "/stores", "[\"Northwind\"]", 400, "invalid-request", null),
                json("JSON null", "POST", "/stores", "null", 400, "invalid-request", null),
                json("empty body", "POST", "/stores", "", 400, "invalid-request", null),
                json("deeply nested", "POST", "/stores", deep, 400, "invalid-request", null),
                json("object where a string belongs", "POST", "/stores",
                        "{\"name\": {\"first\": \"x\"}, \"timeZone\": \"UTC\", \"billingCurrency\": \"EUR\"}",
                        400, "invalid-request", "name"),
                json("string where a boolean belongs", "POST", "/stores/{store}/baselines",
                        "{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\", \"provisional\": \"maybe\"}",
                        400, "invalid-request", "provisional"),
                json("unknown field", "POST", "/stores",
                        "{\"name\": \"x\", \"timeZone\": \"UTC\", \"billingCurrency\": \"EUR\", \"owner\": \"mallory\"}",
                        400, "invalid-request", "owner"),
                json("unknown field on update", "PUT", "/stores/{store}",
                        "{\"name\": \"x\", \"timeZone\": \"UTC\", \"billingCurrency\": \"EUR\", \"id\": 7}",
                        400, "invalid-request", "id"),
                json("unknown field beside an account", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"google\", \"accountId\": \"1112223333\", \"token\": \"x\"}",
                        400, "invalid-request", "token"),
                // Values that fail validation
                json("invalid store fields", "POST", "/stores",
                        "{\"name\": \"\", \"timeZone\": \"Mars/Olympus\", \"billingCurrency\": \"EURO\"}",
                        400, "invalid-input", "timeZone"),
                json("store name just under the body limit", "POST", "/stores",
                        "{\"name\": \"" + "n".repeat(60_000) + "\", \"timeZone\": \"UTC\", \"billingCurrency\": \"EUR\"}",
                        400, "invalid-input", "name"),
                json("unknown platform", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"myspace\", \"accountId\": \"123\"}", 400, "invalid-input", "platform"),
                json("missing platform", "POST", "/stores/{store}/accounts",
                        "{\"accountId\": \"1112223333\"}", 400, "invalid-input", "platform"),
                json("malformed Meta account id", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"meta\", \"accountId\": \"act_12ab\"}", 400, "invalid-input", "accountId"),
                json("malformed Snapchat account id", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"snapchat\", \"accountId\": \"not-a-uuid\"}", 400, "invalid-input", "accountId"),
                json("SQL injection as account id", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"google\", \"accountId\": \"1' OR 1=1; DROP TABLE store;--\"}",
                        400, "invalid-input", "accountId"),
                json("ledger entry with bad kind, date and amount", "POST", "/stores/{store}/ledger-entries",
                        "{\"externalId\": \"e-1\", \"kind\": \"refund\", \"date\": \"2026-13-01\", \"amount\": \"12,5\", "
                                + "\"currency\": \"EUR\"}", 400, "invalid-input", "date"),
                json("ledger entry with a NUL in its id", "POST", "/stores/{store}/ledger-entries",
                        "{\"externalId\": \"e\\u0000\", \"kind\": \"revenue\", \"date\": \"2026-01-01\", "
                                + "\"amount\": \"10\", \"currency\": \"EUR\"}", 400, "invalid-input", "externalId"),
                json("inverted baseline range", "POST", "/stores/{store}/baselines",
                        "{\"from\": \"2026-02-01\", \"to\": \"2026-01-01\"}", 400, "invalid-input", "range"),
                json("oversized baseline range", "POST", "/stores/{store}/baselines",
                        "{\"from\": \"2016-01-01\", \"to\": \"2026-01-01\"}", 400, "invalid-input", "range"),
                json("batch with a bad entry", "POST", "/stores/{store}/ledger-entries/batch",
                        "{\"entries\": [{\"externalId\": \"b-1\", \"kind\": \"cogs\", \"date\": \"2026-01-01\", "
                                + "\"amount\": \"-1\", \"currency\": \"EUR\"}]}", 400, "invalid-input",
                        "entries[0].amount"),
                json("batch with an unknown field in an entry", "POST", "/stores/{store}/ledger-entries/batch",
                        "{\"entries\": [{\"externalId\": \"b-1\", \"sign\": \"-\"}]}", 400, "invalid-request",
                        "sign"),
                json("batch for an unknown store", "POST", "/stores/987654321/ledger-entries/batch",
                        "{\"entries\": [{\"externalId\": \"b-1\", \"kind\": \"revenue\", \"date\": "
                                + "\"2026-01-01\", \"amount\": \"1\", \"currency\": \"EUR\"}]}", 404, "not-found", null),
                json("revenue close in the future", "POST", "/stores/{store}/revenue-close",
                        "{\"through\": \"2999-12-31\"}", 400, "invalid-input", "through"),
                json("FX rate with an unknown currency", "POST", "/fx-rates",
                        "{\"date\": \"2026-01-01\", \"base\": \"EUR\", \"quote\": \"QQQ\", \"rate\": \"1.1\"}",
                        400, "invalid-input", "quote"),
                new Case("ECB rates with a negative rate", "POST", "/fx-rates/ecb", "text/csv",
                        "Date,USD,\n2026-01-02,-1.03,\n".getBytes(StandardCharsets.UTF_8), false, 400, "invalid-input",
                        "line 2 USD"),
                new Case("ECB rates as JSON", "POST", "/fx-rates/ecb", "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8), false, 415, "unsupported-media-type", null),
                get("FX rates without a range", "/fx-rates?quote=USD", 400, "invalid-input", "from"),
                // Query parameters and path ids
                get("inverted range", "/stores/{store}/spend?from=2026-02-01&to=2026-01-01", 400, "invalid-input", "range"),
                get("oversized range", "/stores/{store}/spend?from=2020-01-01&to=2026-01-01", 400, "invalid-input", "range"),
                get("impossible date", "/stores/{store}/spend?from=2026-02-30&to=2026-03-01", 400, "invalid-input", "range"),
                get("missing end of range", "/stores/{store}/spend?from=2026-01-01", 400, "invalid-input", "to"),
                get("SQL injection in a date", "/stores/{store}/spend?from=2026-01-01%27--&to=2026-01-31",
                        400, "invalid-input", "range"),
                get("page size zero", "/stores?limit=0", 400, "invalid-input", "limit"),
                get("page size too large", "/stores/{store}/ledger-entries?limit=100000", 400, "invalid-input", "limit"),
                get("negative offset", "/stores/{store}/baselines?offset=-1", 400, "invalid-input", "offset"),
                get("non-numeric page size", "/stores/{store}/sync-runs?limit=ten", 400, "invalid-request", "limit"),
                get("non-numeric store id", "/stores/northwind", 400, "invalid-request", "storeId"),
                get("overflowing store id", "/stores/99999999999999999999", 400, "invalid-request", "storeId"),
                get("SQL injection as store id", "/stores/1%27%20OR%20%271%27%3D%271/accounts",
                        400, "invalid-request", "storeId"),
                new Case("SQL injection as account id in the path", "DELETE",
                        "/stores/{store}/accounts/1%3BDROP%20TABLE%20ad_account", null, null, false,
                        400, "invalid-request", "accountId"),
                post("sync with an inverted range", "/stores/{store}/sync?from=2026-02-01&to=2026-01-01",
                        400, "invalid-input", "range"),
                post("sync with half a range", "/stores/{store}/sync?from=2026-01-01", 400, "invalid-input", "to"),
                post("sync with an injected date", "/stores/{store}/sync?from=2026-01-01%3BDROP%20TABLE%20sync_run"
                        + "&to=2026-01-02", 400, "invalid-input", "range"),
                post("sync of an unknown store", "/stores/987654321/sync", 404, "not-found", null),
                post("sync of a non-numeric store", "/stores/all/sync", 400, "invalid-request", "storeId"),
                // Size, media type, method and path
                json("body over 64 KiB", "POST", "/stores", "{\"name\": \"" + tooLong + "\"}", 413,
                        "payload-too-large", null),
                new Case("chunked body over 64 KiB", "POST", "/stores", "application/json",
                        ("{\"name\": \"" + tooLong + tooLong + "\"}").getBytes(StandardCharsets.UTF_8), true,
                        413, "payload-too-large", null),
                new Case("text/plain body", "POST", "/stores", "text/plain", STORE.getBytes(StandardCharsets.UTF_8),
                        false, 415, "unsupported-media-type", null),
                new Case("form body", "POST", "/stores", "application/x-www-form-urlencoded",
                        "name=Northwind".getBytes(StandardCharsets.UTF_8), false, 415, "unsupported-media-type", null),
                new Case("method not allowed", "DELETE", "/stores", null, null, false, 405, "method-not-allowed", null),
                new Case("PATCH is not supported", "PATCH", "/stores/{store}", "application/json",
                        STORE.getBytes(StandardCharsets.UTF_8), false, 405, "method-not-allowed", null),
                get("unknown path", "/stores/{store}/invoices", 404, "not-found", null),
                get("actuator env is not exposed", "/actuator/env", 404, "not-found", null),
                get("unknown store", "/stores/987654321", 404, "not-found", null),
                get("unknown baseline", "/stores/{store}/baselines/987654321", 404, "not-found", null),
                json("update of an unknown store", "PUT", "/stores/987654321", STORE, 404, "not-found", null),
                json("account for an unknown store", "POST", "/stores/987654321/accounts",
                        "{\"platform\": \"google\", \"accountId\": \"1112223333\"}", 404, "not-found", null),
                json("account linked twice", "POST", "/stores/{store}/accounts",
                        "{\"platform\": \"google\", \"accountId\": \"1234567890\"}", 409, "conflict", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheRightProblemAndChangesNothing(Case c) {
        Map<String, Long> before = rowCounts();

        Http.Reply reply = send(c);

        assertThat(reply.status()).as("status").isEqualTo(c.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://syncledger.dev/problems/" + c.kind());
        assertThat(reply.json().get("status").asInt()).isEqualTo(c.status());
        assertThat(reply.json().get("title").asString()).isNotBlank();
        if (c.field() != null) {
            assertThat(reply.json().get("errors").propertyNames()).contains(c.field());
        }
        assertThat(reply.body()).doesNotContain("Exception", "org.springframework", "tools.jackson", "com.syncledger",
                "java.", "\tat ", "PSQL", "SQLState", "syntax error at");
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static Http.Reply send(Case c) {
        String path = c.path().replace("{store}", Long.toString(storeId));
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        BodyPublisher body = c.body() == null ? BodyPublishers.noBody()
                : c.chunked() ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : BodyPublishers.ofByteArray(c.body());
        return http.send(c.method(), path, headers, body);
    }

    /** The number of rows of every table of the schema. */
    private static Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        assertThat(tables).contains("store", "ad_account", "baseline", "ledger_entry", "spend_day");
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, jdbc.sql("select count(*) from \"" + t + "\"").query(Long.class).single()));
        return counts;
    }

    private static Case json(String name, String method, String path, String body, int status, String kind,
            String field) {
        return new Case(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), false, status,
                kind, field);
    }

    private static Case post(String name, String path, int status, String kind, String field) {
        return new Case(name, "POST", path, null, null, false, status, kind, field);
    }

    private static Case get(String name, String path, int status, String kind, String field) {
        return new Case(name, "GET", path, null, null, false, status, kind, field);
    }
}
