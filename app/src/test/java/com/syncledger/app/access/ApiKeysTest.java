package com.syncledger.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    private final NewApiKey reader = NewApiKey.generate(Role.READ);
    private final NewApiKey writer = NewApiKey.generate(Role.WRITE);

    @Test
    void acceptsExactlyTheConfiguredKeysWithTheirRoles() {
        ApiKeys keys = ApiKeys.parse(" " + reader.entry() + " , " + writer.entry().toUpperCase().replace("WRITE", "write") + ",");
        assertThat(keys.roleOf(reader.key())).contains(Role.READ);
        assertThat(keys.roleOf(writer.key())).contains(Role.WRITE);
        assertThat(keys.roleOf(writer.key() + " ")).isEmpty();
        assertThat(keys.roleOf(reader.key().substring(1))).isEmpty();
        assertThat(keys.roleOf("")).isEmpty();
        assertThat(keys.roleOf(writer.entry())).as("the configured hash is not itself a key").isEmpty();
    }

    @Test
    void writeImpliesReadButNotTheOtherWayRound() {
        assertThat(Role.WRITE.allows(Role.READ)).isTrue();
        assertThat(Role.WRITE.allows(Role.WRITE)).isTrue();
        assertThat(Role.READ.allows(Role.READ)).isTrue();
        assertThat(Role.READ.allows(Role.WRITE)).isFalse();
    }

    @Test
    void theSameKeyListedWithBothRolesHasTheStrongerOne() {
        String hash = writer.entry().substring("write:".length());
        assertThat(ApiKeys.parse("write:" + hash + ",read:" + hash).roleOf(writer.key())).contains(Role.WRITE);
    }

    @Test
    void emptyConfigurationHasNoKeys() {
        assertThat(ApiKeys.parse("").isEmpty()).isTrue();
        assertThat(ApiKeys.parse(" , ").isEmpty()).isTrue();
        assertThat(ApiKeys.from(name -> null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"slk_raw-key-pasted-by-mistake", "admin:0123", "read:xyz", "write:",
            "read:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"})
    void aMalformedEntryIsRefusedWithoutRepeatingIt(String entry) {
        assertThatThrownBy(() -> ApiKeys.parse(reader.entry() + "," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining(entry);
    }

    @Test
    void generatedKeysAreRandomAndNeverShowThemselves() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(NewApiKey.generate(Role.READ).key());
        }
        assertThat(keys).hasSize(100).allMatch(k -> k.matches("slk_[A-Za-z0-9_-]{43}"));
        assertThat(writer.toString()).doesNotContain(writer.key()).contains("write");
        assertThat(ApiKeys.parse(writer.entry()).toString()).doesNotContain(writer.entry().substring(6));
        assertThat(writer.entry()).matches("write:[0-9a-f]{64}");
    }

    @Test
    void methodsNeedTheirRoles() {
        assertThat(ApiKeyFilter.needs("GET")).isEqualTo(Role.READ);
        assertThat(ApiKeyFilter.needs("HEAD")).isEqualTo(Role.READ);
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "get"}) {
            assertThat(ApiKeyFilter.needs(method)).as(method).isEqualTo(Role.WRITE);
        }
    }

    @Test
    void onlyPlainPublicPathsArePublic() {
        assertThat(PublicPaths.isPublic("/healthz")).isTrue();
        assertThat(PublicPaths.isPublic("/actuator/health/readiness")).isTrue();
        assertThat(PublicPaths.isPublic("/v3/api-docs")).isTrue();
        assertThat(PublicPaths.isPublic("/v3/api-docs/swagger-config")).isTrue();
        assertThat(PublicPaths.isPublic("/swagger-ui/index.html")).isTrue();
        for (String path : new String[] {"/stores", "/actuator/health", "/actuator/prometheus", "/healthz/",
                "/healthz;a=b", "/v3/api-docs/../stores", "/swagger-ui/..%2fstores", "/swagger-ui/.%2e/stores",
                "/v3/api-docs/x;y", "//v3/api-docs", "/V3/api-docs", "/swagger-ui", "/error"}) {
            assertThat(PublicPaths.isPublic(path)).as(path).isFalse();
        }
    }
}
