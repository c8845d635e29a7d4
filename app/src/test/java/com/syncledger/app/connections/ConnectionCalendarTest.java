package com.syncledger.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.app.connections.Connection.Status;
import com.syncledger.app.connections.ConnectionExpiry.Token;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each platform's token calendar: the expected end, which token ends, and the status around it. */
class ConnectionCalendarTest {

    private static final Instant ISSUED = Instant.parse("2026-01-10T08:00:00Z");
    private static final ConnectionCalendar CALENDAR = ConnectionCalendar.of(Env.of(Map.of()));

    private static Connection connection(Platform platform, boolean refreshable, Optional<Instant> accessExpiresAt,
            Optional<Instant> refreshedAt, Status stored) {
        return new Connection(7, platform, "client", List.of(), List.of(), ISSUED, accessExpiresAt, Optional.empty(),
                stored, Optional.empty(), refreshedAt, refreshable);
    }

    private static Connection accessOnly(Platform platform) {
        return connection(platform, false, Optional.empty(), Optional.empty(), Status.ACTIVE);
    }

    private static Connection refreshable(Platform platform) {
        return connection(platform, true, Optional.empty(), Optional.empty(), Status.ACTIVE);
    }

    private static Instant day(long days) {
        return ISSUED.plus(Duration.ofDays(days));
    }

    private static void assertEnd(ConnectionCalendar calendar, Connection connection, long days, Token token) {
        ConnectionExpiry expiry = calendar.expiry(connection, ISSUED);
        assertThat(expiry.expiresAt()).contains(day(days));
        assertThat(expiry.token()).isEqualTo(token);
        assertThat(expiry.secondsLeft(ISSUED)).contains(Duration.ofDays(days).toSeconds());
        assertThat(calendar.expiry(connection, day(days).minus(Duration.ofDays(15))).status()).isEqualTo(Status.ACTIVE);
        assertThat(calendar.expiry(connection, day(days).minus(Duration.ofDays(14))).status()).isEqualTo(Status.EXPIRING);
        assertThat(calendar.expiry(connection, day(days)).status()).isEqualTo(Status.EXPIRED);
        assertThat(calendar.expiry(connection, day(days)).secondsLeft(day(days + 1))).contains(-86_400L);
    }

    private static void assertNoEnd(Connection connection) {
        ConnectionExpiry expiry = CALENDAR.expiry(connection, day(2_000));
        assertThat(expiry.expiresAt()).isEmpty();
        assertThat(expiry.token()).isEqualTo(Token.NONE);
        assertThat(expiry.status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void metaLongLivedTokensEndAfterSixtyDaysUnlessTheGrantSaysOtherwise() {
        assertEnd(CALENDAR, accessOnly(Platform.META), 60, Token.ACCESS);
        Connection granted = connection(Platform.META, false, Optional.of(day(5)), Optional.empty(), Status.ACTIVE);
        assertThat(CALENDAR.expiry(granted, ISSUED).expiresAt()).contains(day(5));
        assertThat(CALENDAR.expiry(granted, ISSUED).status()).isEqualTo(Status.EXPIRING);
    }

    @Test
    void googleRefreshTokensLapseAfterSixMonthsUnusedOrSevenDaysForAnAppInTesting() {
        assertEnd(CALENDAR, refreshable(Platform.GOOGLE), 180, Token.REFRESH);
        ConnectionCalendar testing = ConnectionCalendar.of(Env.of(Map.of(ConnectionCalendar.GOOGLE_TESTING_VARIABLE, "true")));
        assertEnd(testing, refreshable(Platform.GOOGLE), 7, Token.REFRESH);
        Connection refreshedLater = connection(Platform.GOOGLE, true, Optional.empty(), Optional.of(day(3)), Status.ACTIVE);
        assertThat(testing.expiry(refreshedLater, ISSUED).expiresAt()).as("testing apps: refreshing does not extend")
                .contains(day(7));
    }

    @Test
    void linkedInRefreshTokensEndAYearAfterTheGrantAndAccessTokensAfterSixtyDays() {
        assertEnd(CALENDAR, refreshable(Platform.LINKEDIN), 365, Token.REFRESH);
        Connection refreshedLater = connection(Platform.LINKEDIN, true, Optional.empty(), Optional.of(day(59)),
                Status.ACTIVE);
        assertThat(CALENDAR.expiry(refreshedLater, ISSUED).expiresAt()).as("refreshing does not extend it")
                .contains(day(365));
        assertEnd(CALENDAR, accessOnly(Platform.LINKEDIN), 60, Token.ACCESS);
    }

    @Test
    void microsoftAndPinterestRefreshTokensLapseUnusedCountedFromTheLastRefresh() {
        assertEnd(CALENDAR, refreshable(Platform.MICROSOFT), 90, Token.REFRESH);
        assertEnd(CALENDAR, refreshable(Platform.PINTEREST), 60, Token.REFRESH);
        Connection microsoft = connection(Platform.MICROSOFT, true, Optional.empty(), Optional.of(day(40)), Status.ACTIVE);
        assertThat(CALENDAR.expiry(microsoft, day(41)).expiresAt()).contains(day(130));
        assertThat(CALENDAR.needsRefresh(microsoft, day(41))).isFalse();
        assertThat(CALENDAR.needsRefresh(microsoft, day(117))).as("lapses within the warning window").isTrue();
    }

    @Test
    void longLivedAccessTokensAreRefreshedAheadOfTheirEndAndShortLivedOnesOnDemand() {
        Connection pinterest = connection(Platform.PINTEREST, true, Optional.of(day(30)), Optional.of(ISSUED),
                Status.ACTIVE);
        assertThat(CALENDAR.needsRefresh(pinterest, day(10))).isFalse();
        assertThat(CALENDAR.needsRefresh(pinterest, day(17))).isTrue();
        Connection snapchat = connection(Platform.SNAPCHAT, true, Optional.of(ISSUED.plusSeconds(1800)),
                Optional.empty(), Status.ACTIVE);
        assertThat(CALENDAR.needsRefresh(snapchat, day(1))).as("the engine refreshes 30-minute tokens itself").isFalse();
        assertThat(CALENDAR.needsRefresh(accessOnly(Platform.META), day(59))).as("nothing to refresh with").isFalse();
    }

    @Test
    void platformsWithoutAKnownEndStayActive() {
        assertNoEnd(accessOnly(Platform.TIKTOK));
        assertNoEnd(refreshable(Platform.AMAZON));
        assertNoEnd(refreshable(Platform.SNAPCHAT));
        assertNoEnd(refreshable(Platform.REDDIT));
    }

    @Test
    void revokedAndRefusedConnectionsKeepTheirStatusWhateverTheCalendar() {
        ConnectionExpiry revoked = CALENDAR.expiry(connection(Platform.LINKEDIN, false, Optional.empty(),
                Optional.empty(), Status.REVOKED), ISSUED);
        assertThat(revoked.status()).isEqualTo(Status.REVOKED);
        assertThat(revoked.expiresAt()).isEmpty();
        ConnectionExpiry refused = CALENDAR.expiry(connection(Platform.TIKTOK, false, Optional.empty(),
                Optional.empty(), Status.EXPIRED), ISSUED);
        assertThat(refused.status()).isEqualTo(Status.EXPIRED);
        assertThat(CALENDAR.needsRefresh(connection(Platform.MICROSOFT, true, Optional.empty(), Optional.empty(),
                Status.REVOKED), day(89))).isFalse();
    }
}
