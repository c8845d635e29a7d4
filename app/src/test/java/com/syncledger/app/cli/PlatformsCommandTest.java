package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlatformsCommandTest {

    @Test
    void listsEveryPlatformAndCountsTheConfiguredOnes() {
        CliRun run = CliRun.of(Env.of(Map.of(
                "META_ACCESS_TOKEN", "x",
                "TIKTOK_ACCESS_TOKEN", "y",
                // A refresh token without its client secret does not configure LinkedIn.
                "LINKEDIN_REFRESH_TOKEN", "r", "LINKEDIN_CLIENT_ID", "c")), "platforms");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("Meta\\s+meta\\s+Configured")
                .containsPattern("TikTok\\s+tiktok\\s+Configured")
                .containsPattern("LinkedIn\\s+linkedin\\s+Not configured")
                .contains("Reddit")
                .endsWith("Configured: 2/9 platforms" + System.lineSeparator());
    }

    @Test
    void showsEachPlatformsApiVersionWithItsSunsetAndWarnsOfASunsetVersion() {
        CliRun run = CliRun.of(Env.of(Map.of("GOOGLE_ADS_API_VERSION", "v20", "META_API_VERSION", "23.0")), "platforms");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("Google Ads\\s+google\\s+Not configured\\s+API v20\\s+sunset 2026-06-10")
                .containsPattern("LinkedIn\\s+linkedin\\s+Not configured\\s+API 202603\\s+sunset 2027-03-16")
                .containsPattern("TikTok\\s+tiktok\\s+Not configured\\s+API v1.3\\s+sunset unknown \\(no sunset date")
                .contains("Warning: Google Ads API version v20 was sunset on 2026-06-10",
                        "Warning: Meta API version v23.0 was sunset on 2026-06-09")
                .doesNotContain("Warning: LinkedIn")
                .endsWith("Configured: 0/9 platforms" + System.lineSeparator());
    }

    @Test
    void theJsonCarriesTheApiVersionSunsetAndWarning() throws Exception {
        CliRun run = CliRun.of(Env.of(Map.of("GOOGLE_ADS_API_VERSION", "v20")), "platforms", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode google = JsonMapper.builder().build().readTree(run.out()).get("platforms").get(Platform.GOOGLE.ordinal());
        assertThat(google.get("apiVersion").asString()).isEqualTo("v20");
        assertThat(google.get("apiSunset").asString()).isEqualTo("2026-06-10");
        assertThat(google.get("warning").asString()).contains("was sunset on 2026-06-10");
        assertThat(google.get("check").isNull()).as("the existing fields stay").isTrue();
    }

    @Test
    void anUnknownOptionIsInvalidInput() {
        CliRun run = CliRun.of(Env.of(Map.of()), "platforms", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }
}
