package com.syncledger.connectors.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.linkedin.LinkedInFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake reads the raw Rest.li query as LinkedIn does, so wrongly encoded requests fail in tests too. */
class LinkedInFakeProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATES = "dateRange=(start:(year:2026,month:1,day:1),end:(year:2026,month:1,day:31))";

    private final HttpClient http = HttpClient.newHttpClient();
    private LinkedInFake fake;

    @BeforeEach
    void start() {
        fake = new LinkedInFake();
        fake.start();
        fake.addAccount(new FakeAccount("123", "USD", "America/New_York", "Acme"))
                .spend(LocalDate.of(2026, 1, 2), "c1", "152.37");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theEnumRecordFormIsAcceptedToo() throws Exception {
        HttpResponse<String> response = get("q=analytics&pivot=(value:ACCOUNT)&timeGranularity=(value:DAILY)&" + DATES
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A123)&fields=costInLocalCurrency,dateRange", "202603");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode element = JSON.readTree(response.body()).path("elements").get(0);
        assertThat(element.path("costInLocalCurrency").asString()).isEqualTo("152.37");
        assertThat(element.path("dateRange").path("start").path("day").asInt()).isEqualTo(2);
    }

    @Test
    void anUnencodedUrnBreaksTheStructure() throws Exception {
        HttpResponse<String> response = get("q=analytics&pivot=ACCOUNT&timeGranularity=DAILY&" + DATES
                + "&accounts=List(urn:li:sponsoredAccount:123)&fields=costInLocalCurrency,dateRange", "202603");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("accounts");
    }

    @Test
    void aDoublyEncodedUrnIsNotAnAccount() throws Exception {
        HttpResponse<String> response = get("q=analytics&pivot=ACCOUNT&timeGranularity=DAILY&" + DATES
                + "&accounts=List(urn%253Ali%253AsponsoredAccount%253A123)&fields=costInLocalCurrency,dateRange",
                "202603");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anEncodedStructureIsRefused() throws Exception {
        HttpResponse<String> response = get("q=analytics&pivot=ACCOUNT&timeGranularity=DAILY"
                + "&dateRange=%28start%3A%28year%3A2026%2Cmonth%3A1%2Cday%3A1%29%29"
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A123)&fields=costInLocalCurrency,dateRange", "202603");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void withoutFieldsThereIsNoCost() throws Exception {
        HttpResponse<String> response = get("q=analytics&pivot=ACCOUNT&timeGranularity=DAILY&" + DATES
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A123)", "202603");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("elements").get(0).has("costInLocalCurrency")).isFalse();
    }

    @Test
    void aMissingOrSunsetVersionIs426() throws Exception {
        String query = "q=analytics&pivot=ACCOUNT&timeGranularity=DAILY&" + DATES
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A123)&fields=costInLocalCurrency,dateRange";
        HttpResponse<String> missing = get(query, null);
        assertThat(missing.statusCode()).isEqualTo(426);
        HttpResponse<String> sunset = get(query, "202411");
        assertThat(sunset.statusCode()).isEqualTo(426);
        assertThat(JSON.readTree(sunset.body()).path("code").asString()).isEqualTo("NONEXISTENT_VERSION");
    }

    private HttpResponse<String> get(String rawQuery, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/rest/adAnalytics?" + rawQuery))
                .header("Authorization", "Bearer " + fake.credentials().accessToken())
                .header("X-Restli-Protocol-Version", "2.0.0");
        if (version != null) {
            request.header("LinkedIn-Version", version);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
