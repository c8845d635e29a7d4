package com.syncledger.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.ApiVersion;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.Sandbox;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API version calendar: the sunset follows the configured version, and warnings start 90 days ahead. */
class ApiVersionsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    @Test
    void theDefaultVersionsHaveTheirPublishedSunsetOrNone() {
        Env none = Env.of(Map.of());
        ApiVersion linkedIn = ApiVersions.configured(Platform.LINKEDIN, none);
        assertThat(linkedIn.version()).isEqualTo("202603");
        assertThat(linkedIn.sunset()).contains(LocalDate.parse("2027-03-16"));
        assertThat(ApiVersions.configured(Platform.GOOGLE, none).version()).isEqualTo("v26");
        assertThat(ApiVersions.configured(Platform.GOOGLE, none).sunset()).as("only projected, so unknown").isEmpty();
        assertThat(ApiVersions.configured(Platform.META, none).sunset()).isEmpty();
        for (Platform platform : new Platform[] {Platform.TIKTOK, Platform.AMAZON, Platform.MICROSOFT,
                Platform.SNAPCHAT, Platform.PINTEREST, Platform.REDDIT}) {
            ApiVersion version = ApiVersions.configured(platform, none);
            assertThat(version.sunset()).as(platform.displayName()).isEmpty();
            assertThat(version.policy()).as(platform.displayName()).contains("no");
        }
    }

    @Test
    void theSunsetFollowsTheConfiguredVersion() {
        Env env = Env.of(Map.of("GOOGLE_ADS_API_VERSION", "20", "META_API_VERSION", "23.0",
                "LINKEDIN_API_VERSION", "202601", "REDDIT_API_VERSION", "v2", "TIKTOK_API_VERSION", "v1.2"));
        assertThat(ApiVersions.configured(Platform.GOOGLE, env).version()).isEqualTo("v20");
        assertThat(ApiVersions.configured(Platform.GOOGLE, env).sunset()).contains(LocalDate.parse("2026-06-10"));
        assertThat(ApiVersions.configured(Platform.META, env).version()).isEqualTo("v23.0");
        assertThat(ApiVersions.configured(Platform.META, env).sunset()).contains(LocalDate.parse("2026-06-09"));
        assertThat(ApiVersions.configured(Platform.LINKEDIN, env).sunset()).contains(LocalDate.parse("2027-01-15"));
        assertThat(ApiVersions.configured(Platform.REDDIT, env).sunset()).contains(LocalDate.parse("2025-09-30"));
        assertThat(ApiVersions.configured(Platform.TIKTOK, env).sunset()).as("not in the table: unknown").isEmpty();
        assertThat(ApiVersions.configured(Platform.LINKEDIN, Env.of(Map.of("LINKEDIN_API_VERSION", "202511")))
                .sunset()).as("an unlisted version is unknown, never guessed").isEmpty();
    }

    @Test
    void warnsWithinNinetyDaysOfASunsetAndAfterIt() {
        ApiVersion linkedIn = ApiVersions.calendar(Platform.LINKEDIN).version("202601");
        assertThat(linkedIn.warning(TODAY)).hasValueSatisfying(w -> assertThat(w)
                .contains("LinkedIn", "202601", "2027-01-15", "in 41 days", "LINKEDIN_API_VERSION"));
        assertThat(linkedIn.warning(LocalDate.parse("2026-10-17"))).as("exactly 90 days ahead").isPresent();
        assertThat(linkedIn.warning(LocalDate.parse("2026-10-16"))).as("91 days ahead").isEmpty();
        assertThat(ApiVersions.calendar(Platform.LINKEDIN).version("202603").warning(TODAY)).isEmpty();
        assertThat(ApiVersions.calendar(Platform.GOOGLE).version("v22").warning(TODAY))
                .hasValueSatisfying(w -> assertThat(w).contains("was sunset on 2026-10-07 (59 days ago)"));
        assertThat(ApiVersions.calendar(Platform.GOOGLE).version("v26").warning(TODAY)).as("unknown sunset").isEmpty();
        assertThat(ApiVersions.calendar(Platform.META).version("v25.0").warning(TODAY))
                .hasValueSatisfying(w -> assertThat(w).contains("Meta API version v25.0 is sunset on 2027-02-23"));
    }

    @Test
    void theCalendarDescribesTheVersionEachConnectorIsBuiltWith() {
        Map<Platform, String> versions = Map.of(Platform.META, "v23.0", Platform.GOOGLE, "v21", Platform.TIKTOK,
                "v1.3", Platform.LINKEDIN, "202601", Platform.AMAZON, "v3", Platform.MICROSOFT, "v13",
                Platform.SNAPCHAT, "v1", Platform.PINTEREST, "v5", Platform.REDDIT, "v3");
        try (Sandbox sandbox = Sandbox.start()) {
            for (Platform platform : Platform.values()) {
                PlatformFactory factory = Connectors.factory(platform);
                Map<String, String> settings = new HashMap<>(sandbox.environment());
                settings.put(ApiVersions.calendar(platform).variable(), versions.get(platform));
                Env env = Env.of(settings);
                String spoken = factory.create(env, WireClient.withDefaults(), token -> { }).descriptor().apiVersion();
                assertThat(spoken).as(platform.displayName()).endsWith(factory.apiVersion(env).version());
                assertThat(factory.apiVersion(env).version()).isEqualTo(versions.get(platform));
            }
        }
    }
}
