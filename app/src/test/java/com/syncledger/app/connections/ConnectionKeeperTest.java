package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.database.TestApp;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.Sandbox;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The keeper refreshes connections ahead of their end against the sandbox, and stores what the platform answered. */
class ConnectionKeeperTest {

    private Sandbox sandbox;
    private ConfigurableApplicationContext app;
    private ConnectionStore connections;
    private ConnectionKeeper keeper;
    private JdbcClient jdbc;

    @BeforeEach
    void start() {
        sandbox = Sandbox.startWithDemoData();
        app = TestApp.start(false, ConnectionFetchTest.settings(sandbox));
        connections = app.getBean(ConnectionStore.class);
        keeper = app.getBean(ConnectionKeeper.class);
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterEach
    void stop() {
        app.close();
        sandbox.close();
    }

    private void set(long id, String column, Instant value) {
        jdbc.sql("update connection set " + column + " = ? where id = ?").params(Timestamp.from(value), id).update();
    }

    @Test
    void aMicrosoftRefreshTokenAboutToLapseUnusedIsRefreshedAndTheRotatedOneStoredInTheRow() {
        FakePlatform microsoft = sandbox.fake("microsoft");
        String original = microsoft.currentRefreshToken();
        Connection client = connections.create(Platform.MICROSOFT, "Northwind Bing",
                ConnectionFetchTest.grant(microsoft.credentials(), true), List.of("149012345"));
        Connection fresh = connections.create(Platform.MICROSOFT, "Just granted",
                ConnectionFetchTest.grant(microsoft.credentials(), true), List.of("149054321"));
        set(client.id(), "issued_at", Instant.now().minus(Duration.ofDays(85)));
        set(client.id(), "refreshed_at", Instant.now().minus(Duration.ofDays(85)));

        assertThat(keeper.keep()).isEqualTo(new ConnectionKeeper.Turn(1, 0, 0));

        String rotated = microsoft.currentRefreshToken();
        assertThat(rotated).isNotEqualTo(original);
        assertThat(connections.refreshToken(client.id())).contains(Secret.of(rotated));
        assertThat(connections.tokens(client.id()).orElseThrow().accessToken().reveal())
                .isNotEqualTo(microsoft.credentials().accessToken());
        Connection kept = connections.find(client.id()).orElseThrow();
        assertThat(kept.refreshedAt().orElseThrow()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(app.getBean(ConnectionStatuses.class).one(client.id()).orElseThrow().status())
                .isEqualTo(Connection.Status.ACTIVE);
        assertThat(connections.find(fresh.id()).orElseThrow().refreshedAt()).as("not near its end: left alone").isEmpty();
    }

    @Test
    void aLinkedInAccessTokenNearItsEndIsRenewedAndARefusedOneMarksTheConnectionExpired() {
        FakePlatform linkedin = sandbox.fake("linkedin");
        Grant grant = new Grant(Secret.of(linkedin.credentials().accessToken()),
                Optional.of(Secret.of(linkedin.credentials().refreshToken())),
                Optional.of(Instant.now().plus(Duration.ofDays(3))), Optional.empty(), List.of("r_ads_reporting"));
        Connection client = connections.create(Platform.LINKEDIN, "Northwind", grant, List.of("512345678"));

        assertThat(keeper.keep().refreshed()).isEqualTo(1);
        assertThat(connections.find(client.id()).orElseThrow().accessExpiresAt().orElseThrow())
                .isAfter(Instant.now().plus(Duration.ofDays(50)));

        linkedin.revokeTokens();
        set(client.id(), "access_expires_at", Instant.now().plus(Duration.ofDays(2)));
        assertThat(keeper.keep()).isEqualTo(new ConnectionKeeper.Turn(0, 1, 0));

        assertThat(connections.find(client.id()).orElseThrow().status()).isEqualTo(Connection.Status.EXPIRED);
        assertThat(app.getBean(ConnectionStatuses.class).soonestFirst().get(0).connection().id()).isEqualTo(client.id());
    }
}
