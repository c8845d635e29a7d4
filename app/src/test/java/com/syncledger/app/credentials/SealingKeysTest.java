package com.syncledger.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.connectors.wire.Env;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealingKeysTest {

    private static final String OLD = key('o');
    private static final String NEW = key('n');
    private static final String OTHER = key('x');

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.UTF_8));
    }

    private static SealingKeys keys(String current, String previous) {
        return SealingKeys.fromEnv(previous == null ? Env.of(Map.of(SealingKeys.KEY_VARIABLE, current))
                : Env.of(Map.of(SealingKeys.KEY_VARIABLE, current, SealingKeys.PREVIOUS_KEY_VARIABLE, previous)))
                .orElseThrow();
    }

    @Test
    void opensWithTheKeyTheRowNamesOrTriesTheCurrentThenThePrevious() {
        SealingKeys old = keys(OLD, null);
        SealingKeys rotating = keys(NEW, OLD);
        byte[] underOld = old.seal("token-under-old", "meta");
        byte[] underNew = rotating.seal("token-under-new", "meta");

        assertThat(rotating.open(underOld, "meta", old.currentKeyId())).isEqualTo("token-under-old");
        assertThat(rotating.open(underNew, "meta", rotating.currentKeyId())).isEqualTo("token-under-new");
        assertThat(rotating.open(underOld, "meta", null)).as("no key id: current, then previous").isEqualTo("token-under-old");
        assertThat(rotating.open(underNew, "meta", null)).isEqualTo("token-under-new");
        assertThat(rotating.previousKeyId()).contains(old.currentKeyId());
        assertThat(rotating.isCurrent(old.currentKeyId())).isFalse();
    }

    @Test
    void aValueNeitherKeyOpensIsAClearErrorNamingNoSecret() {
        byte[] underOther = keys(OTHER, null).seal("token-under-other", "reddit");
        String otherId = keys(OTHER, null).currentKeyId();
        SealingKeys rotating = keys(NEW, OLD);

        assertThatThrownBy(() -> rotating.open(underOther, "reddit", otherId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed with key " + otherId)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(OLD, NEW, OTHER, "token-under-other"));
        assertThatThrownBy(() -> rotating.open(underOther, "reddit", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opens with neither")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(OLD, NEW, OTHER, "token-under-other"));
        assertThat(rotating.toString()).doesNotContain(OLD, NEW);
    }

    @Test
    void aPreviousKeyWithoutACurrentOneOrAMalformedOneIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> SealingKeys.fromEnv(Env.of(Map.of(SealingKeys.PREVIOUS_KEY_VARIABLE, OLD))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is set without");
        assertThatThrownBy(() -> SealingKeys.fromEnv(Env.of(Map.of(SealingKeys.KEY_VARIABLE, NEW,
                SealingKeys.PREVIOUS_KEY_VARIABLE, "c2hvcnQ="))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SealingKeys.PREVIOUS_KEY_VARIABLE + " must decode to 32 bytes");
        assertThat(SealingKeys.fromEnv(Env.of(Map.of()))).isEmpty();
    }
}
