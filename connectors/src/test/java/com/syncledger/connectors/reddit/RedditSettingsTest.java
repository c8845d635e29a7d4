package com.syncledger.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.wire.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from the environment: production defaults, and clear refusals of what cannot work. */
class RedditSettingsTest {

    private static final Map<String, String> REFRESHABLE = Map.of(
            "REDDIT_CLIENT_ID", "id", "REDDIT_CLIENT_SECRET", "secret", "REDDIT_REFRESH_TOKEN", "refresh");

    @Test
    void defaultsAreRedditsProductionHostsAndV3() {
        RedditSettings settings = RedditSettings.fromEnv(Env.of(REFRESHABLE));
        assertThat(settings.apiUrl("ad_accounts/a2_x")).hasToString("https://ads-api.reddit.com/api/v3/ad_accounts/a2_x");
        assertThat(settings.tokenUrl()).hasToString("https://www.reddit.com/api/v1/access_token");
        assertThat(settings.userAgent()).isEqualTo(RedditSettings.DEFAULT_USER_AGENT);
        assertThat(settings.accessToken()).isNull();
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsHarmless() {
        Map<String, String> env = new HashMap<>(REFRESHABLE);
        env.put("REDDIT_BASE_URL", "http://127.0.0.1:8080/");
        assertThat(RedditSettings.fromEnv(Env.of(env)).apiUrl("ad_accounts/a2_x"))
                .hasToString("http://127.0.0.1:8080/api/v3/ad_accounts/a2_x");
    }

    @Test
    void aBaseUrlWithTheApiPathIsRefusedRatherThanDoubled() {
        Map<String, String> env = new HashMap<>(REFRESHABLE);
        env.put("REDDIT_BASE_URL", "https://ads-api.reddit.com/api/v3");
        assertThatThrownBy(() -> RedditSettings.fromEnv(Env.of(env)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REDDIT_BASE_URL");
    }

    @Test
    void withoutAnyUsableTokenTheSettingsSaySoAndShowNoSecret() {
        assertThatThrownBy(() -> RedditSettings.fromEnv(Env.of(Map.of("REDDIT_CLIENT_SECRET", "hush-123"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDDIT_ACCESS_TOKEN").hasMessageNotContaining("hush-123");
    }

    @Test
    void anAccessTokenAloneIsEnough() {
        RedditSettings settings = RedditSettings.fromEnv(Env.of(Map.of("REDDIT_ACCESS_TOKEN", "token-xyz")));
        assertThat(settings.accessToken().reveal()).isEqualTo("token-xyz");
        assertThat(settings.toString()).doesNotContain("token-xyz");
    }
}
