package com.syncledger.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncOutcome;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Microsoft rotates its refresh token on every refresh: the new one must survive a restart. */
class StoredRefreshTokensTest {

    private static final String KEY = Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    private static ConfigurableApplicationContext start(Env env) {
        return new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
    }

    private static List<SyncOutcome> sync(ConfigurableApplicationContext app, DateRange range) {
        return app.getBean(SyncService.class).syncAll(range, SyncProgress.NONE);
    }

    @Test
    void aRotatedRefreshTokenIsStoredEncryptedAndUsedAfterARestart() {
        try (Sandbox sandbox = Sandbox.startWithDemoData()) {
            FakePlatform microsoft = sandbox.fake("microsoft");
            Map<String, String> settings = new HashMap<>(sandbox.environment());
            settings.remove("MICROSOFT_ACCESS_TOKEN"); // every start begins with a refresh
            settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
            TestDatabase.Fresh db = TestDatabase.fresh();
            Env env = db.env(settings);
            LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(3);
            DateRange range = DateRange.of(end.minusDays(6), end);

            try (ConfigurableApplicationContext app = start(env)) {
                long store = app.getBean(Stores.class).create(new StoreInput("s", "UTC", "USD")).id();
                app.getBean(AdAccounts.class).link(store, AccountId.of(Platform.MICROSOFT, "149012345"));
                assertThat(sync(app, range)).allMatch(SyncOutcome::succeeded);
            }
            String rotated = microsoft.currentRefreshToken();
            assertThat(rotated).isNotEqualTo(settings.get("MICROSOFT_REFRESH_TOKEN"));
            byte[] stored = JdbcClient.create(db.dataSource())
                    .sql("select ciphertext from stored_refresh_token where platform = 'microsoft'")
                    .query(byte[].class).single();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(rotated);

            // The configured token no longer works at the fake; only the stored one can carry on.
            try (ConfigurableApplicationContext restarted = start(env)) {
                assertThat(sync(restarted, range)).allMatch(SyncOutcome::succeeded);
            }

            // Stored tokens but no key: refuse to start rather than silently lose access.
            Map<String, String> withoutKey = new HashMap<>(settings);
            withoutKey.remove(StoredRefreshTokens.KEY_VARIABLE);
            assertThatThrownBy(() -> start(db.env(withoutKey)).close())
                    .hasRootCauseMessage("the database holds encrypted refresh tokens but SYNCLEDGER_SECRET_KEY is "
                            + "not set; set the key they were stored with");
        }
    }
}
