package com.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.TestDatabase;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code connections list|expiry|revoke} and {@code accounts link --connection} on a real PostgreSQL. */
class ConnectionsCliTest {

    private static final String KEY = Base64.getEncoder().encodeToString("l".repeat(32).getBytes(StandardCharsets.UTF_8));
    private static final String TOKEN = "client-access-TOKEN-77aa";

    @Test
    void listsWatchesLinksAndRevokesConnections() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Env env = db.env(Map.of(StoredRefreshTokens.KEY_VARIABLE, KEY));
        assertThat(CliRun.of(env, "stores", "add", "--name", "Northwind", "--time-zone", "UTC", "--currency", "USD")
                .exitCode()).isZero();
        long id = LedgerSession.run(env, context -> context.getBean(ConnectionStore.class).create(Platform.LINKEDIN,
                "Northwind LinkedIn", new Grant(Secret.of(TOKEN), Optional.empty(),
                        Optional.of(Instant.now().plus(Duration.ofDays(5))), Optional.empty(), List.of()),
                List.of("512345678")).id());

        CliRun list = CliRun.of(env, "connections", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("linkedin", "expiring", "access", "Northwind LinkedIn").doesNotContain(TOKEN);
        CliRun json = CliRun.of(env, "connections", "list", "--json");
        assertThat(json.out()).contains("\"status\" : \"expiring\"", "\"label\" : \"Northwind LinkedIn\"")
                .doesNotContain(TOKEN);
        CliRun expiry = CliRun.of(env, "connections", "expiry", "--json");
        assertThat(expiry.out()).contains("\"expires\" : \"access\"", "\"secondsLeft\" : ");
        assertThat(CliRun.of(env, "connections", "expiry").out()).contains("linkedin", "expiring", "4d ");

        CliRun wrong = CliRun.of(env, "accounts", "link", "--store", "1", "--account", "tiktok=7001234567890123456",
                "--connection", String.valueOf(id));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("is on LinkedIn, not TikTok");
        CliRun linked = CliRun.of(env, "accounts", "link", "--store", "1", "--account", "linkedin=512345678",
                "--connection", String.valueOf(id));
        assertThat(linked.exitCode()).isZero();
        assertThat(linked.out()).contains("with connection " + id);

        CliRun revoked = CliRun.of(env, "connections", "revoke", String.valueOf(id));
        assertThat(revoked.exitCode()).isZero();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        assertThat(jdbc.sql("select access_ciphertext is null and status = 'revoked' from connection where id = ?")
                .param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from ad_account where connection_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(CliRun.of(env, "connections", "revoke", "999").exitCode()).isEqualTo(2);
    }
}
