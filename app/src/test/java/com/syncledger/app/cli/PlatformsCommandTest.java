package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void anUnknownOptionIsInvalidInput() {
        CliRun run = CliRun.of(Env.of(Map.of()), "platforms", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'");
    }
}
