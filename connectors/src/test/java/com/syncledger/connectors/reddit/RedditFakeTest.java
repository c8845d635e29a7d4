package com.syncledger.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.reddit.RedditFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake refuses what Reddit refuses, in Reddit's envelope, so the connector tests cannot pass on a lax fake. */
class RedditFakeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(10);

    private RedditFake fake;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fake = (RedditFake) new RedditFake().start();
        FakeAccount account = fake.addAccount(new FakeAccount("a2_shop", "USD", "UTC", "Shop"));
        for (int i = 0; i < 5; i++) {
            account.spend(DAY.plusDays(i), "cmp-a", "1.00");
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            off the hour         | a2_shop | "starts_at":"%1$sT05:30:00Z","ends_at":"%2$sT00:00:00Z"   | on the hour
            no offset            | a2_shop | "starts_at":"%1$sT00:00:00","ends_at":"%2$sT00:00:00Z"    | ISO-8601
            end before start     | a2_shop | "starts_at":"%2$sT00:00:00Z","ends_at":"%1$sT00:00:00Z"   | after starts_at
            window too long      | a2_shop | "starts_at":"%3$sT00:00:00Z","ends_at":"%2$sT00:00:00Z"   | too long
            older than 24 months | a2_shop | "starts_at":"%4$sT00:00:00Z","ends_at":"%5$sT00:00:00Z"   | 24 months
            unknown zone         | a2_shop | "starts_at":"%1$sT00:00:00Z","ends_at":"%2$sT00:00:00Z","time_zone_id":"Mars/Base" | time_zone_id
            unknown field        | a2_shop | "starts_at":"%1$sT00:00:00Z","ends_at":"%2$sT00:00:00Z","fields":["CPC"] | invalid field
            bad account id       | A2_SHOP | "starts_at":"%1$sT00:00:00Z","ends_at":"%2$sT00:00:00Z"   | invalid ad_account identifier
            """)
    void refusesWithA400InRedditsEnvelope(String what, String account, String window, String message) throws Exception {
        String data = window.formatted(DAY, DAY.plusDays(5), DAY.minusDays(30), DAY.minusMonths(25), DAY.minusMonths(25).plusDays(3));
        String body = "{\"data\":{\"breakdowns\":[\"DATE\"]," + (data.contains("\"fields\"") ? "" : "\"fields\":[\"SPEND\"],")
                + data + "}}";
        HttpResponse<String> answer = post("/api/v3/ad_accounts/" + account + "/reports", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("message").asString()).contains(message);
        assertThat(answer.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void aPageTokenOnlyWorksWithTheSameBodyAndPageSizeOnlyOnce() throws Exception {
        fake.pageSize(2);
        String body = "{\"data\":{\"breakdowns\":[\"date\"],\"fields\":[\"spend\"],\"starts_at\":\"" + DAY
                + "T00:00:00Z\",\"ends_at\":\"" + DAY.plusDays(5) + "T00:00:00Z\",\"time_zone_id\":\"UTC\"}}";
        JsonNode first = JSON.readTree(post("/api/v3/ad_accounts/a2_shop/reports", body).body());
        assertThat(first.path("data").path("metrics")).hasSize(2);
        URI next = URI.create(first.path("pagination").path("next_url").asString());

        String pathAndQuery = next.getRawPath() + "?" + next.getRawQuery();
        assertThat(post(pathAndQuery, body).statusCode()).isEqualTo(200);
        assertThat(post(pathAndQuery, body.replace("UTC", "GMT")).statusCode()).isEqualTo(400);
        assertThat(post(pathAndQuery + "&page.size=2", body).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAccountIsA404OnTheAccountAndA400OnItsReport() throws Exception {
        HttpResponse<String> account = send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v3/ad_accounts/a2_nobody")));
        assertThat(account.statusCode()).isEqualTo(404);
        HttpResponse<String> report = post("/api/v3/ad_accounts/a2_nobody/reports", "{\"data\":{}}");
        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(report.body()).contains("\"success\":false", "Unknown Ad Account");
    }

    @Test
    void theRetiredV2ApiIsGone() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2.0/accounts/a2_shop/reports")))
                .statusCode()).isEqualTo(410);
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request
                .header("Authorization", "Bearer " + fake.credentials().accessToken())
                .header("User-Agent", "java:test:1 (by test)")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
