package com.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

class SettingsBinderTest {

    record Knobs(@DefaultValue("3") int tries, @DefaultValue("1s") Duration pause,
            @DefaultValue Map<String, RateLimit> limits) {
        Knobs {
            if (tries < 1) {
                throw new InvalidSettingException("tries", "tries must be at least 1, got " + tries);
            }
        }
    }

    private static final SettingVariables VARIABLES = SettingVariables.of("test.knobs", "TEST_", List.of("TRIES", "PAUSE"))
            .with("test.knobs.limits.meta", "TEST_LIMIT_META");

    private static Knobs bind(Map<String, String> values) {
        return SettingsBinder.bind(Env.of(values), "test.knobs", Knobs.class, VARIABLES);
    }

    @Test
    void unsetVariablesLeaveTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(new Knobs(3, Duration.ofSeconds(1), Map.of()));
    }

    @Test
    void knownVariablesBindDurationsAndMapEntries() {
        Knobs knobs = bind(Map.of("TEST_TRIES", " 7 ", "TEST_PAUSE", "250ms", "TEST_LIMIT_META", "600/1m"));

        assertThat(knobs.tries()).isEqualTo(7);
        assertThat(knobs.pause()).isEqualTo(Duration.ofMillis(250));
        assertThat(knobs.limits()).containsExactly(Map.entry("meta", RateLimit.perMinute(600)));
    }

    @Test
    void anUnusableValueNamesItsVariable() {
        assertThatThrownBy(() -> bind(Map.of("TEST_PAUSE", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TEST_PAUSE must be a duration such as 500ms, 30s, 10m or PT1M, not 'soon'");
        assertThatThrownBy(() -> bind(Map.of("TEST_PAUSE", "30")))
                .hasMessage("TEST_PAUSE must be a duration such as 500ms, 30s, 10m or PT1M, not '30'");
        assertThatThrownBy(() -> bind(Map.of("TEST_LIMIT_META", "600/1")))
                .hasMessageStartingWith("TEST_LIMIT_META has an unusable value '600/1'");
        assertThatThrownBy(() -> bind(Map.of("TEST_TRIES", "many")))
                .hasMessage("TEST_TRIES must be a whole number, not 'many'");
        assertThatThrownBy(() -> bind(Map.of("TEST_LIMIT_META", "600")))
                .hasMessageStartingWith("TEST_LIMIT_META has an unusable value '600'");
        assertThatThrownBy(() -> bind(Map.of("TEST_TRIES", "0")))
                .hasMessage("TEST_TRIES: tries must be at least 1, got 0");
    }

    @Test
    void thePropertySourceListsTheSetVariablesUnderBothNames() {
        EnvPropertySource source = new EnvPropertySource(Env.of(Map.of("TEST_PAUSE", "2s", "SYNCLEDGER_PORT", "0")),
                VARIABLES);

        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("test.knobs.pause", "TEST_PAUSE");
        assertThat(source.getProperty("test.knobs.pause")).isEqualTo("2s");
        assertThat(source.getProperty("SYNCLEDGER_PORT")).isEqualTo("0");
        assertThat(source.getOrigin("test.knobs.pause")).hasToString("TEST_PAUSE (environment or .env)");
    }
}
