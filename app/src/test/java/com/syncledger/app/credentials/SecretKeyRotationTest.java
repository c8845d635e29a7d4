package com.syncledger.app.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.cli.CliRun;
import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionTokens;
import com.syncledger.app.database.TestApp;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code secrets rotate-key}: every stored token re-sealed under the new key in one transaction, so a rotation
 * killed half-way changes nothing and a second run completes it; readers accept both keys meanwhile; wrong or
 * missing keys are refused with nothing changed.
 */
class SecretKeyRotationTest {

    private static final String OLD = key('o');
    private static final String NEW = key('n');
    private static final String WRONG = key('w');
    private static final String KEY = SealingKeys.KEY_VARIABLE;
    private static final String PREVIOUS = SealingKeys.PREVIOUS_KEY_VARIABLE;
    /** 499 connections with an access and a refresh token, and 2 stored refresh tokens: 1,000 sealed values. */
    private static final int CONNECTIONS = 499;

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aRotationKilledHalfWayAndRunAgainLeavesEveryTokenReadableUnderTheNewKey() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Stored stored = storeUnderOldKey(db);
        Map<String, byte[]> before = sealedValues(db);
        assertThat(before).hasSize(1000);

        // Small batches with a long pause: the child is killed inside its transaction, after its first batch.
        Process child = rotateInItsOwnJvm(db, "--batch-size", "100", "--pause", "600000");
        List<String> printed = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                printed.add(line);
                if (line.contains("re-sealed (not committed yet)")) {
                    break;
                }
            }
            assertThat(printed).as("the child's output").anyMatch(l -> l.contains("100 of 1,000 re-sealed"));
            assertThat(child.isAlive()).as("the rotation is half-way, waiting after its first batch").isTrue();
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean rollback by the client
        }
        assertThat(printed).anyMatch(l -> l.contains("Re-sealing 1,000 stored token values"));
        assertThat(sealedValues(db)).as("the killed rotation changed nothing").containsExactlyInAnyOrderEntriesOf(before);
        assertThat(keyIds(db)).containsOnly(cipher(OLD).keyId());

        // Run again, in its own JVM too: it completes.
        Process again = rotateInItsOwnJvm(db);
        String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor()).as(output).isZero();
        assertThat(output).contains("Re-sealed 1,000 stored token values; committed.");

        // Only the new key is needed now: every token opens, none is lost.
        Env newOnly = db.env(Map.of(KEY, NEW, "MICROSOFT_REFRESH_TOKEN", "configured-microsoft",
                "PINTEREST_REFRESH_TOKEN", "configured-pinterest"));
        assertThat(keyIds(db)).containsOnly(cipher(NEW).keyId());
        assertThat(sealedValues(db)).hasSize(1000);
        ConnectionStore connections = new ConnectionStore(jdbc(db), newOnly);
        assertThat(connections.list()).hasSize(CONNECTIONS);
        for (Map.Entry<Long, String> access : stored.accessTokens().entrySet()) {
            ConnectionTokens tokens = connections.tokens(access.getKey()).orElseThrow();
            assertThat(tokens.accessToken().reveal()).isEqualTo(access.getValue());
            assertThat(tokens.refreshToken().map(Secret::reveal)).contains(access.getValue().replace("access", "refresh"));
        }
        StoredRefreshTokens refreshTokens = refreshTokens(db, newOnly);
        assertThat(refreshTokens.latest(Platform.MICROSOFT).map(Secret::reveal)).contains("rotated-microsoft");
        assertThat(refreshTokens.latest(Platform.PINTEREST).map(Secret::reveal)).contains("rotated-pinterest");

        // A third run finds everything under the new key and re-seals nothing.
        Map<String, byte[]> rotated = sealedValues(db);
        CliRun third = CliRun.of(rotationEnv(db, NEW, OLD), "secrets", "rotate-key");
        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("Re-sealed 0 stored token values");
        assertThat(sealedValues(db)).containsExactlyInAnyOrderEntriesOf(rotated);
    }

    @Test
    void whileARotationIsUnderWayTheServiceReadsWithEitherKey() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        migrate(db);
        Map<String, String> refreshSettings = Map.of("MICROSOFT_REFRESH_TOKEN", "configured-microsoft");
        Map<String, String> oldSettings = new HashMap<>(refreshSettings);
        oldSettings.put(KEY, OLD);
        Env old = db.env(oldSettings);
        Connection underOld = new ConnectionStore(jdbc(db), old).create(Platform.META, "Old client",
                grant("meta-access-old"), List.of());
        refreshTokens(db, old).rotated(Platform.MICROSOFT, Secret.of("rotated-microsoft"));

        Map<String, String> bothSettings = new HashMap<>(refreshSettings);
        bothSettings.put(KEY, NEW);
        bothSettings.put(PREVIOUS, OLD);
        Env both = db.env(bothSettings);
        Connection underNew;
        // The service, restarted with both keys, seals new tokens under the new key and reads either.
        try (ConfigurableApplicationContext service = TestApp.start(false, both, List.of())) {
            ConnectionStore connections = service.getBean(ConnectionStore.class);
            underNew = connections.create(Platform.META, "New client", grant("meta-access-new"), List.of());
            assertThat(connections.tokens(underOld.id()).orElseThrow().accessToken().reveal())
                    .isEqualTo("meta-access-old");
            assertThat(connections.tokens(underNew.id()).orElseThrow().accessToken().reveal())
                    .isEqualTo("meta-access-new");
            StoredRefreshTokens refreshTokens = service.getBean(StoredRefreshTokens.class);
            assertThat(refreshTokens.latest(Platform.MICROSOFT).map(Secret::reveal)).contains("rotated-microsoft");
            // A token stored before rows named their key is found by trying both keys.
            jdbc(db).sql("update stored_refresh_token set key_id = null").update();
            assertThat(refreshTokens.latest(Platform.MICROSOFT).map(Secret::reveal)).contains("rotated-microsoft");
            refreshTokens.rotated(Platform.MICROSOFT, Secret.of("rotated-again-microsoft"));
            assertThat(jdbc(db).sql("select key_id from stored_refresh_token").query(String.class).single())
                    .isEqualTo(cipher(NEW).keyId());
        }
        assertThat(jdbc(db).sql("select key_id from connection where id = ?").param(underNew.id())
                .query(String.class).single()).isEqualTo(cipher(NEW).keyId());

        // Without the previous key, the token still under it is a clear error that names no secret.
        Map<String, String> newSettings = new HashMap<>(refreshSettings);
        newSettings.put(KEY, NEW);
        ConnectionStore newOnly = new ConnectionStore(jdbc(db), db.env(newSettings));
        assertThat(newOnly.tokens(underNew.id())).isPresent();
        assertThatThrownBy(() -> newOnly.tokens(underOld.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PREVIOUS).satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(OLD, NEW, "meta-access-old"));
    }

    @Test
    void aWrongOrMissingPreviousKeyIsRefusedWithNothingChanged() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        storeUnderOldKey(db);
        Map<String, byte[]> before = sealedValues(db);

        CliRun wrong = CliRun.of(rotationEnv(db, NEW, WRONG), "secrets", "rotate-key");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("sealed with key " + cipher(OLD).keyId(), "neither")
                .doesNotContain(OLD, NEW, WRONG, "access-", "rotated-");
        assertThat(sealedValues(db)).containsExactlyInAnyOrderEntriesOf(before);

        CliRun missing = CliRun.of(db.env(Map.of(KEY, NEW)), "secrets", "rotate-key");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(PREVIOUS).doesNotContain(NEW);

        CliRun same = CliRun.of(rotationEnv(db, OLD, OLD), "secrets", "rotate-key");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("the same key");
        assertThat(sealedValues(db)).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(keyIds(db)).containsOnly(cipher(OLD).keyId());
    }

    /** The tokens stored under the old key. */
    private record Stored(Map<Long, String> accessTokens) {
    }

    private static Stored storeUnderOldKey(TestDatabase.Fresh db) {
        migrate(db);
        Env old = db.env(Map.of(KEY, OLD, "MICROSOFT_REFRESH_TOKEN", "configured-microsoft",
                "PINTEREST_REFRESH_TOKEN", "configured-pinterest"));
        ConnectionStore connections = new ConnectionStore(jdbc(db), old);
        Map<Long, String> access = new LinkedHashMap<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Platform platform = Platform.values()[i % Platform.values().length];
            String token = platform.slug() + "-access-" + i;
            access.put(connections.create(platform, "Client " + i, grant(token), List.of()).id(), token);
        }
        StoredRefreshTokens refreshTokens = refreshTokens(db, old);
        refreshTokens.rotated(Platform.MICROSOFT, Secret.of("rotated-microsoft"));
        refreshTokens.rotated(Platform.PINTEREST, Secret.of("rotated-pinterest"));
        // One stored before rows named their key: the rotation finds it by trying both keys.
        jdbc(db).sql("update stored_refresh_token set key_id = null where platform = 'pinterest'").update();
        return new Stored(access);
    }

    private static Grant grant(String accessToken) {
        return new Grant(Secret.of(accessToken), Optional.of(Secret.of(accessToken.replace("access", "refresh"))),
                Optional.empty(), Optional.empty(), List.of("ads_read"));
    }

    private static void migrate(TestDatabase.Fresh db) {
        CliRun migrate = CliRun.of(db.env(Map.of()), "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isZero();
    }

    /** Every sealed value by row and column. */
    private static Map<String, byte[]> sealedValues(TestDatabase.Fresh db) {
        Map<String, byte[]> values = new HashMap<>();
        jdbc(db).sql("select id, access_ciphertext, refresh_ciphertext from connection").query(rs -> {
            values.put("connection:" + rs.getLong(1) + ":access", rs.getBytes(2));
            values.put("connection:" + rs.getLong(1) + ":refresh", rs.getBytes(3));
        });
        jdbc(db).sql("select platform, ciphertext from stored_refresh_token")
                .query(rs -> {
                    values.put("stored:" + rs.getString(1), rs.getBytes(2));
                });
        return values;
    }

    /** The key ids rows name; the pre-naming row counts as the old key until a rotation names it. */
    private static List<String> keyIds(TestDatabase.Fresh db) {
        List<String> ids = new ArrayList<>(jdbc(db).sql("select key_id from connection").query(String.class).list());
        ids.addAll(jdbc(db).sql("select coalesce(key_id, ?) from stored_refresh_token").param(cipher(OLD).keyId())
                .query(String.class).list());
        return ids;
    }

    private static TokenCipher cipher(String key) {
        return TokenCipher.fromBase64(key);
    }

    private static StoredRefreshTokens refreshTokens(TestDatabase.Fresh db, Env env) {
        return new StoredRefreshTokens(jdbc(db), env,
                new org.springframework.jdbc.support.JdbcTransactionManager(db.dataSource()));
    }

    private static JdbcClient jdbc(TestDatabase.Fresh db) {
        return JdbcClient.create(db.dataSource());
    }

    private static Env rotationEnv(TestDatabase.Fresh db, String current, String previous) {
        return db.env(Map.of(KEY, current, PREVIOUS, previous));
    }

    /** {@code syncledger secrets rotate-key} in its own JVM, on this test's classpath and database. */
    private static Process rotateInItsOwnJvm(TestDatabase.Fresh db, String... options) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SyncLedgerApplication.class.getName(), "secrets", "rotate-key"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(db.settings());
        builder.environment().put(KEY, NEW);
        builder.environment().put(PREVIOUS, OLD);
        return builder.start();
    }
}
