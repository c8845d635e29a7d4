package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.credentials.StoredRefreshTokens;
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
import com.syncledger.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pinterest and Reddit rotate the refresh token on every refresh, and the old one stops working (the sandbox
 * refuses it): the service and the CLI share the stored token and read it before every refresh, so whichever
 * rotated last, the other carries on with the new one, even while it keeps running.
 */
class RotatedTokensCliTest {

    private static final String KEY = Base64.getEncoder().encodeToString("r".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final LocalDate TO = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    private static final DateRange RANGE = DateRange.of(TO.minusDays(6), TO);
    private static final AccountId PINTEREST = AccountId.of(Platform.PINTEREST, "547602124502");
    private static final AccountId REDDIT = AccountId.of(Platform.REDDIT, "a2_northwind1");

    private final Sandbox sandbox = Sandbox.startWithDemoData();

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theCliUsesWhatTheServiceRotatedAndTheServiceFindsWhatTheCliRotated() {
        Map<String, String> settings = rotatingSettings();
        Env env = TestDatabase.fresh().env(settings);

        try (ConfigurableApplicationContext service = start(env)) {
            long store = service.getBean(Stores.class).create(new StoreInput("Rotating", "UTC", "USD")).id();
            service.getBean(AdAccounts.class).link(store, PINTEREST);
            service.getBean(AdAccounts.class).link(store, REDDIT);
            assertThat(sync(service)).allMatch(SyncOutcome::succeeded);
        }
        String rotatedByService = sandbox.fake("pinterest").currentRefreshToken();
        assertThat(rotatedByService).isNotEqualTo(settings.get("PINTEREST_REFRESH_TOKEN"));

        // The configured tokens are dead at the platforms now; the CLI reads the stored ones.
        CliRun fetch = CliRun.of(env, "fetch", "--from", RANGE.from().toString(), "--to", RANGE.to().toString(),
                "--account", "pinterest=" + PINTEREST.value(), "--account", "reddit=" + REDDIT.value());
        assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
        assertThat(sandbox.fake("pinterest").currentRefreshToken()).as("the CLI rotated again")
                .isNotEqualTo(rotatedByService);

        // The check runs on the same stored tokens (Pinterest and Reddit themselves have no cheap check).
        CliRun check = CliRun.of(env, "platforms", "--check");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();

        // The service, restarted, finds what the CLI rotated.
        try (ConfigurableApplicationContext restarted = start(env)) {
            assertThat(sync(restarted)).allMatch(SyncOutcome::succeeded);
        }
    }

    @Test
    void aRunningServiceRefreshesWithTheTokenTheCliRotatedMeanwhile() {
        Map<String, String> settings = rotatingSettings();
        Env env = TestDatabase.fresh().env(settings);

        try (ConfigurableApplicationContext service = start(env)) {
            long store = service.getBean(Stores.class).create(new StoreInput("Rotating", "UTC", "USD")).id();
            service.getBean(AdAccounts.class).link(store, PINTEREST);
            service.getBean(AdAccounts.class).link(store, REDDIT);
            assertThat(sync(service)).allMatch(SyncOutcome::succeeded);
            String pinterestHeldByService = sandbox.fake("pinterest").currentRefreshToken();
            String redditHeldByService = sandbox.fake("reddit").currentRefreshToken();

            // While the service runs, a CLI fetch rotates both tokens: the ones the service holds are dead now.
            CliRun fetch = CliRun.of(env, "fetch", "--from", RANGE.from().toString(), "--to", RANGE.to().toString(),
                    "--account", "pinterest=" + PINTEREST.value(), "--account", "reddit=" + REDDIT.value());
            assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
            String pinterestRotatedByCli = sandbox.fake("pinterest").currentRefreshToken();
            String redditRotatedByCli = sandbox.fake("reddit").currentRefreshToken();
            assertThat(pinterestRotatedByCli).isNotEqualTo(pinterestHeldByService);
            assertThat(redditRotatedByCli).isNotEqualTo(redditHeldByService);

            // The service's access tokens expire, so its next sync must refresh: with the CLI's token.
            sandbox.fake("pinterest").expireAccessTokens();
            sandbox.fake("reddit").expireAccessTokens();
            assertThat(sync(service)).allMatch(SyncOutcome::succeeded);
            assertThat(sandbox.fake("pinterest").currentRefreshToken()).as("the service refreshed and rotated again")
                    .isNotEqualTo(pinterestRotatedByCli);
            assertThat(sandbox.fake("reddit").currentRefreshToken()).isNotEqualTo(redditRotatedByCli);
        }
    }

    @Test
    void withoutADatabaseTheCliWorksFromTheConfiguredTokensAsBefore() {
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        settings.remove("PINTEREST_ACCESS_TOKEN");
        settings.put("SYNCLEDGER_HOME", System.getProperty("java.io.tmpdir") + "/syncledger-no-home-" + ProcessHandle.current().pid());
        CliRun fetch = CliRun.of(Env.of(settings), "fetch", "--from", RANGE.from().toString(), "--to",
                RANGE.to().toString(), "--account", "pinterest=" + PINTEREST.value());
        assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
        assertThat(fetch.err()).doesNotContain("PostgreSQL");
    }

    private Map<String, String> rotatingSettings() {
        Map<String, String> settings = new HashMap<>(sandbox.environment());
        // Without access tokens every process begins with a refresh, and so a rotation.
        settings.remove("PINTEREST_ACCESS_TOKEN");
        settings.remove("REDDIT_ACCESS_TOKEN");
        settings.put(StoredRefreshTokens.KEY_VARIABLE, KEY);
        settings.put("SYNCLEDGER_FETCH_RATE_LIMIT_PINTEREST", "1000/1s");
        settings.put("SYNCLEDGER_FETCH_RATE_LIMIT_REDDIT", "1000/1s");
        return settings;
    }

    private static ConfigurableApplicationContext start(Env env) {
        return new SpringApplicationBuilder(SyncLedgerApplication.class).web(WebApplicationType.NONE)
                .properties("syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env)).run();
    }

    private static List<SyncOutcome> sync(ConfigurableApplicationContext app) {
        return app.getBean(SyncService.class).syncAll(RANGE, SyncProgress.NONE);
    }
}
