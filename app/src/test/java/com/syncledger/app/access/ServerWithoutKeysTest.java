package com.syncledger.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.database.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** However the HTTP server is started, it does not start without an API key; the database-only CLI does. */
class ServerWithoutKeysTest {

    @Test
    void theHttpServerRefusesToStart() {
        assertThatThrownBy(() -> TestApp.start(true, Map.of(ApiKeys.VARIABLE, "")).close())
                .hasRootCauseInstanceOf(MissingApiKeysException.class);
    }

    @Test
    void theDatabaseOnlyContextNeedsNoKeys() {
        try (ConfigurableApplicationContext app = TestApp.start(false, Map.of(ApiKeys.VARIABLE, ""))) {
            assertThat(app.getBeansOfType(ApiKeys.class)).isEmpty();
        }
    }
}
