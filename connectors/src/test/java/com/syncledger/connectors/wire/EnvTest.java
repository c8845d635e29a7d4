package com.syncledger.connectors.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    private static final String FALLBACK = "https://api.example.com";

    @Test
    void anUnsetUrlIsTheFallback() {
        assertThat(Env.of(Map.of()).url("X_BASE_URL", FALLBACK)).isEqualTo(URI.create(FALLBACK));
    }

    @Test
    void trailingSlashesAreDroppedSoPathsCanBeAppended() {
        Env env = Env.of(Map.of("X_BASE_URL", " http://127.0.0.1:8080/mock// "));
        assertThat(env.url("X_BASE_URL", FALLBACK)).isEqualTo(URI.create("http://127.0.0.1:8080/mock"));
    }

    @Test
    void anythingButAnAbsoluteHttpUrlIsRefusedNamingTheVariable() {
        for (String bad : new String[] {"api.example.com", "ftp://api.example.com", "https://", "http://exa mple"}) {
            assertThatThrownBy(() -> Env.of(Map.of("X_TOKEN_URL", bad)).url("X_TOKEN_URL", FALLBACK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("X_TOKEN_URL must be an absolute http(s) URL such as " + FALLBACK + ", got '" + bad + "'");
        }
    }
}
