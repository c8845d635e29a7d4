package com.syncledger.connectors.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.tiktok.TikTokFake;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake refuses what TikTok refuses, so a connector that sends it cannot pass its tests. */
class TikTokFakeProtocolTest {

    private static final String ADVERTISER = "7001234567890123456";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private TikTokFake fake;

    @BeforeEach
    void start() {
        fake = new TikTokFake();
        fake.start();
        FakeAccount account = fake.addAccount(new FakeAccount(ADVERTISER, "USD", "America/New_York", "Acme"));
        for (int day = 1; day <= 31; day++) {
            account.spend(LocalDate.of(2026, 1, day), "c1", "1.50");
        }
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Map<String, String> validQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", ADVERTISER);
        query.put("report_type", "BASIC");
        query.put("data_level", "AUCTION_ADVERTISER");
        query.put("dimensions", "[\"stat_time_day\"]");
        query.put("metrics", "[\"spend\"]");
        query.put("start_date", "2026-01-01");
        query.put("end_date", "2026-01-30");
        return query;
    }

    @Test
    void aValidRequestPagesByTenByDefault() throws Exception {
        JsonNode body = get(TikTokFake.REPORT_PATH, validQuery());
        assertThat(body.path("code").asLong()).isZero();
        assertThat(body.path("data").path("list")).hasSize(10);
        assertThat(body.path("data").path("page_info").path("total_page").asInt()).isEqualTo(3);
        assertThat(body.path("data").path("list").get(0).path("dimensions").path("stat_time_day").asString())
                .isEqualTo("2026-01-01 00:00:00");
        assertThat(body.path("data").path("list").get(0).path("metrics").path("spend").asString()).isEqualTo("1.50");
    }

    @Test
    void aDailyRangeOverThirtyDaysIsRefusedWith40067() throws Exception {
        Map<String, String> query = validQuery();
        query.put("end_date", "2026-01-31");
        assertThat(get(TikTokFake.REPORT_PATH, query).path("code").asLong()).isEqualTo(40067);
    }

    @Test
    void dimensionsThatAreNotAJsonArrayAreRefused() throws Exception {
        Map<String, String> query = validQuery();
        query.put("dimensions", "stat_time_day");
        JsonNode body = get(TikTokFake.REPORT_PATH, query);
        assertThat(body.path("code").asLong()).isEqualTo(40002);
        assertThat(body.path("message").asString()).contains("dimensions");
    }

    @Test
    void parametersSentAsAJsonBodyAreRefused() throws Exception {
        String json = JSON.writeValueAsString(validQuery());
        HttpRequest request = HttpRequest.newBuilder(fake.baseUrl().resolve(TikTokFake.REPORT_PATH))
                .header("Access-Token", fake.credentials().accessToken())
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asLong()).isEqualTo(40002);
        assertThat(body.path("data").path("list").isMissingNode()).isTrue();
    }

    @Test
    void aMissingTokenIs40104AndAPathWithoutItsTrailingSlashIs404() throws Exception {
        String uri = fake.baseUrl() + TikTokFake.REPORT_PATH + "?" + encode(validQuery());
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(noToken.body()).path("code").asLong()).isEqualTo(40104);

        String noSlash = fake.baseUrl() + "/open_api/v1.3/report/integrated/get?" + encode(validQuery());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(noSlash))
                .header("Access-Token", fake.credentials().accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private JsonNode get(String path, Map<String, String> query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path + "?" + encode(query)))
                .header("Access-Token", fake.credentials().accessToken())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
