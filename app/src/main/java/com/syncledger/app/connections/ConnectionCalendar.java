package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long each platform's tokens live, and from that the one place that tells a connection's expected end and
 * status. The platform's own times (a grant's {@code expires_in}) win over the calendar; the calendar fills in
 * what the platform did not say. Where the platforms' documentation is unsure, the calendar is lenient: it assumes
 * no end rather than warn of one that may never come. Sources: the platforms' OAuth documentation as summarised in
 * {@code docs/connections.md}.
 */
public final class ConnectionCalendar {

    /** A connection ending within this window is {@code expiring}. */
    public static final Duration WARNING = Duration.ofDays(14);
    /** Set to {@code true} when the Google OAuth app is in "testing": its refresh tokens die after 7 days. */
    public static final String GOOGLE_TESTING_VARIABLE = "SYNCLEDGER_GOOGLE_APP_TESTING";

    /**
     * One platform's token lifetimes.
     *
     * @param access              how long an access token lives; empty when it has no fixed end
     * @param refresh             how long a refresh token lives; empty when it has no fixed end
     * @param refreshLapsesUnused whether {@code refresh} counts from the last refresh (a token unused that long
     *                            lapses) rather than from the grant (a fixed end that refreshing does not move)
     */
    public record Lifetimes(Optional<Duration> access, Optional<Duration> refresh, boolean refreshLapsesUnused) {
    }

    private final Map<Platform, Lifetimes> lifetimes;

    private ConnectionCalendar(Map<Platform, Lifetimes> lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** The calendar, with Google's refresh tokens at 7 days when {@value #GOOGLE_TESTING_VARIABLE} says so. */
    public static ConnectionCalendar of(Env env) {
        boolean googleTesting = env.get(GOOGLE_TESTING_VARIABLE).map(v -> v.toLowerCase(Locale.ROOT))
                .map(v -> v.equals("true") || v.equals("1") || v.equals("yes")).orElse(false);
        Map<Platform, Lifetimes> table = new EnumMap<>(Platform.class);
        // Long-lived user tokens last about 60 days (expires_in 5183944) and have no refresh token. System-user
        // tokens may never expire (unsure): a grant that says so wins.
        table.put(Platform.META, fixed(days(60), null));
        // One-hour access tokens. Refresh tokens die after about six months unused; those of an app in "testing"
        // after 7 days, whatever their use.
        table.put(Platform.GOOGLE, googleTesting ? fixed(Duration.ofHours(1), days(7))
                : lapsing(Duration.ofHours(1), days(180)));
        // The Marketing API token is long-term, without refresh; claims of 24-hour ad tokens are unsure: no end.
        table.put(Platform.TIKTOK, fixed(null, null));
        // 60-day access and 365-day refresh tokens; refreshing does not extend the refresh token.
        table.put(Platform.LINKEDIN, fixed(days(60), days(365)));
        // One-hour access tokens; the refresh token's lifetime is undocumented for the Ads API (unsure): no end.
        table.put(Platform.AMAZON, fixed(Duration.ofHours(1), null));
        // One-hour access tokens; the rotating refresh token lapses after 90 days unused.
        table.put(Platform.MICROSOFT, lapsing(Duration.ofHours(1), days(90)));
        // 30-minute access tokens; the refresh token is long-lived (whether it ends is unsure): no end.
        table.put(Platform.SNAPCHAT, fixed(Duration.ofMinutes(30), null));
        // About 30-day access tokens (unsure: the grant's expires_in wins); continuous refresh tokens last 60 days
        // and each refresh issues a new one.
        table.put(Platform.PINTEREST, lapsing(days(30), days(60)));
        // Access tokens of one hour to a day; a permanent refresh token (duration=permanent) has no end.
        table.put(Platform.REDDIT, fixed(Duration.ofHours(1), null));
        return new ConnectionCalendar(table);
    }

    public Lifetimes lifetimes(Platform platform) {
        return lifetimes.get(platform);
    }

    /**
     * The connection's expected end and status at {@code now}. What ends is the refresh token for a connection that
     * holds one (its access tokens are renewed as they expire), else the access token.
     */
    public ConnectionExpiry expiry(Connection connection, Instant now) {
        if (connection.status() == Connection.Status.REVOKED) {
            return new ConnectionExpiry(connection, Connection.Status.REVOKED, Optional.empty(),
                    ConnectionExpiry.Token.NONE);
        }
        Lifetimes life = lifetimes(connection.platform());
        ConnectionExpiry.Token what = connection.refreshable() ? ConnectionExpiry.Token.REFRESH
                : ConnectionExpiry.Token.ACCESS;
        Optional<Instant> end = connection.refreshable() ? refreshEnd(connection, life) : accessEnd(connection, life);
        Connection.Status status;
        if (connection.status() == Connection.Status.EXPIRED || end.map(e -> !now.isBefore(e)).orElse(false)) {
            status = Connection.Status.EXPIRED;
        } else if (end.map(e -> !now.plus(WARNING).isBefore(e)).orElse(false)) {
            status = Connection.Status.EXPIRING;
        } else {
            status = Connection.Status.ACTIVE;
        }
        return new ConnectionExpiry(connection, status, end, end.isPresent() ? what : ConnectionExpiry.Token.NONE);
    }

    /**
     * Whether the keeper should refresh the connection now: it holds a refresh token and either its access token
     * is long-lived and ends within the warning window, or its refresh token lapses unused within it.
     */
    public boolean needsRefresh(Connection connection, Instant now) {
        if (!connection.refreshable() || connection.status() == Connection.Status.REVOKED) {
            return false;
        }
        Lifetimes life = lifetimes(connection.platform());
        Instant horizon = now.plus(WARNING);
        boolean longLivedAccess = life.access().map(a -> a.compareTo(Duration.ofDays(1)) >= 0).orElse(false);
        boolean accessEnding = longLivedAccess && accessEnd(connection, life).map(horizon::isAfter).orElse(false);
        boolean refreshLapsing = life.refreshLapsesUnused()
                && refreshEnd(connection, life).map(horizon::isAfter).orElse(false);
        return accessEnding || refreshLapsing;
    }

    private static Optional<Instant> accessEnd(Connection connection, Lifetimes life) {
        if (connection.accessExpiresAt().isPresent()) {
            return connection.accessExpiresAt();
        }
        Instant since = connection.refreshedAt().orElse(connection.issuedAt());
        return life.access().map(since::plus);
    }

    private static Optional<Instant> refreshEnd(Connection connection, Lifetimes life) {
        if (life.refreshLapsesUnused() && connection.refreshedAt().isPresent()) {
            // Each refresh of a lapsing token starts its time again (a rotated one is a new token).
            return life.refresh().map(connection.refreshedAt().get()::plus);
        }
        if (connection.refreshExpiresAt().isPresent()) {
            return connection.refreshExpiresAt();
        }
        return life.refresh().map(connection.issuedAt()::plus);
    }

    private static Lifetimes fixed(Duration access, Duration refresh) {
        return new Lifetimes(Optional.ofNullable(access), Optional.ofNullable(refresh), false);
    }

    private static Lifetimes lapsing(Duration access, Duration refresh) {
        return new Lifetimes(Optional.ofNullable(access), Optional.ofNullable(refresh), true);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
