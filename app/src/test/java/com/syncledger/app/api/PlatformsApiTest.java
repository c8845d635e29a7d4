package com.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.cli.CliRun;
import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /platforms}: each platform's API version and sunset, with a warning for a sunset version. */
class PlatformsApiTest {

    @Test
    void listsEachPlatformsApiVersionAndSunsetAndWarnsOfASunsetVersion() {
        try (ConfigurableApplicationContext app = TestApp.start(true, Map.of("GOOGLE_ADS_API_VERSION", "v20",
                "META_ACCESS_TOKEN", "x"))) {
            Http.Reply reply = new Http(TestApp.baseUrl(app), TestApp.READ_KEY.key()).get("/platforms");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.json();
            assertThat(body.get("total").asInt()).isEqualTo(9);
            assertThat(body.get("configured").asInt()).isEqualTo(1);
            JsonNode google = body.get("platforms").get(Platform.GOOGLE.ordinal());
            assertThat(google.get("platform").asString()).isEqualTo("google");
            assertThat(google.get("apiVersion").asString()).isEqualTo("v20");
            assertThat(google.get("apiSunset").asString()).isEqualTo("2026-06-10");
            assertThat(google.get("warning").asString()).contains("Google Ads API version v20 was sunset on 2026-06-10",
                    "GOOGLE_ADS_API_VERSION");
            JsonNode linkedIn = body.get("platforms").get(Platform.LINKEDIN.ordinal());
            assertThat(linkedIn.get("apiVersion").asString()).isEqualTo("202603");
            assertThat(linkedIn.get("apiSunset").asString()).isEqualTo("2027-03-16");
            JsonNode tiktok = body.get("platforms").get(Platform.TIKTOK.ordinal());
            assertThat(tiktok.get("apiVersion").asString()).isEqualTo("v1.3");
            assertThat(tiktok.get("apiSunset").isNull()).as("none published").isTrue();
            assertThat(tiktok.get("warning").isNull()).isTrue();
            assertThat(body.get("platforms").get(Platform.META.ordinal()).get("configured").asBoolean()).isTrue();

            // The CLI prints the same document.
            CliRun cli = CliRun.of(app.getBean("env", Env.class), "platforms", "--json");
            assertThat(JsonMapper.builder().build().readTree(cli.out())).isEqualTo(body);
        }
    }
}
