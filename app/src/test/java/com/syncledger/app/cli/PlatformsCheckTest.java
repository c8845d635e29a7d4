package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./syncledger platforms --check} against the sandbox, over HTTP on loopback. */
class PlatformsCheckTest {

    /** Platforms whose connector has a cheap credential call (the others rotate refresh tokens, see docs/setup.md). */
    private static final Set<Platform> CHECKED = Set.of(Platform.META, Platform.GOOGLE, Platform.TIKTOK,
            Platform.LINKEDIN, Platform.AMAZON, Platform.SNAPCHAT);

    private final Sandbox sandbox = Sandbox.startWithDemoData();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyConfiguredPlatformIsCheckedWithOneCall() {
        CliRun run = CliRun.of(Env.of(sandbox.environment()), "platforms", "--check");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Platform platform : Platform.values()) {
            String line = "(?m)^  " + java.util.regex.Pattern.quote(platform.displayName()) + "\\s+";
            if (CHECKED.contains(platform)) {
                assertThat(run.out()).containsPattern(line + "OK$");
                assertThat(sandbox.fake(platform.slug()).requests()).as(platform.slug()).hasSize(1);
            } else {
                assertThat(run.out()).containsPattern(line + "not checked: ");
                assertThat(sandbox.fake(platform.slug()).requests()).as(platform.slug()).isEmpty();
            }
        }
    }

    @Test
    void aRevokedTokenIsReportedWithThePlatformsOwnErrorAndExitOne() {
        sandbox.fake("tiktok").revokeTokens();
        sandbox.fake("linkedin").revokeTokens();

        CliRun run = CliRun.of(Env.of(sandbox.environment()), "platforms", "--check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^  TikTok\\s+FAILED auth \\(code 40105\\): .+\\[request .+]$")
                .containsPattern("(?m)^  LinkedIn\\s+FAILED auth \\(code invalid_grant\\): LinkedIn refused the refresh token")
                .containsPattern("(?m)^  Meta\\s+OK$");
        assertThat(run.out()).doesNotContain(sandbox.fake("tiktok").credentials().accessToken());
    }

    @Test
    void anUnconfiguredPlatformIsNotAsked() {
        Map<String, String> variables = new HashMap<>(sandbox.environment());
        variables.keySet().removeIf(name -> name.startsWith(PlatformCredentials.prefix(Platform.META) + "_"));

        CliRun run = CliRun.of(Env.of(variables), "platforms", "--check");

        assertThat(run.out()).containsPattern("(?m)^  Meta\\s+not configured$");
        assertThat(sandbox.fake("meta").requests()).isEmpty();
    }
}
