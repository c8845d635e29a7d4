package com.syncledger.connectors;

import com.syncledger.connectors.amazon.AmazonAdsFactory;
import com.syncledger.connectors.google.GoogleAdsFactory;
import com.syncledger.connectors.linkedin.LinkedInFactory;
import com.syncledger.connectors.meta.MetaFactory;
import com.syncledger.connectors.microsoft.MicrosoftFactory;
import com.syncledger.connectors.pinterest.PinterestFactory;
import com.syncledger.connectors.reddit.RedditFactory;
import com.syncledger.connectors.snapchat.SnapchatFactory;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.tiktok.TikTokFactory;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.SharedRefreshToken;
import com.syncledger.connectors.wire.WireClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The registry: one factory per platform, and connectors built from them. */
public final class Connectors {

    /** Where a rotated refresh token goes: the platform and the token the platform now expects. */
    @FunctionalInterface
    public interface RotationSink {
        RotationSink LOG_ONLY = (platform, token) -> LOG.warn(
                "{} issued a new refresh token that is kept in memory only; it is lost on restart", platform.displayName());

        void rotated(Platform platform, Secret refreshToken);

        /**
         * The newest refresh token kept for {@code platform}, read before every refresh so a token another
         * process rotated is the one sent; empty where nothing is kept.
         */
        default Optional<Secret> latest(Platform platform) {
            return Optional.empty();
        }

        /**
         * Runs {@code refresh} of {@code platform}'s credential (which reads {@link #latest}, exchanges the token
         * and may call {@link #rotated}) while no other process refreshes the same credential, so two processes
         * never send one rotating token at once. By default it just runs it: nothing is shared.
         */
        default <T> T exclusively(Platform platform, Supplier<T> refresh) {
            return refresh.get();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Connectors.class);

    /** Adding a platform: its package, and one line here. */
    public static final List<PlatformFactory> FACTORIES = List.of(
            new MetaFactory(),
            new GoogleAdsFactory(),
            new TikTokFactory(),
            new LinkedInFactory(),
            new AmazonAdsFactory(),
            new MicrosoftFactory(),
            new SnapchatFactory(),
            new PinterestFactory(),
            new RedditFactory());

    private static final Map<Platform, PlatformFactory> BY_PLATFORM = byPlatform();

    private Connectors() {
    }

    /**
     * The factory of {@code platform}.
     *
     * @throws UnsupportedOperationException for a platform that has no connector yet
     */
    public static PlatformFactory factory(Platform platform) {
        PlatformFactory factory = BY_PLATFORM.get(platform);
        if (factory == null) {
            throw new UnsupportedOperationException("no connector for " + platform.displayName() + " yet");
        }
        return factory;
    }

    /**
     * A connector for {@code platform} configured from {@code env} (credentials, base and token URLs, API
     * version). Call only for a {@linkplain PlatformCredentials#configured configured} platform.
     *
     * @throws UnsupportedOperationException for a platform that has no connector yet
     */
    public static SpendConnector create(Platform platform, Env env, WireClient wire) {
        return create(platform, env, wire, RotationSink.LOG_ONLY);
    }

    /**
     * As {@link #create(Platform, Env, WireClient)}, handing every refresh token the platform rotates to
     * {@code rotations}, so it can be kept beyond this process, and refreshing with the newest token
     * {@code rotations} keeps.
     */
    public static SpendConnector create(Platform platform, Env env, WireClient wire, RotationSink rotations) {
        return factory(platform).create(env, wire, sharedThrough(platform, rotations));
    }

    /** {@code platform}'s refresh token as {@code rotations} keeps it, refreshed under its lock. */
    private static SharedRefreshToken sharedThrough(Platform platform, RotationSink rotations) {
        return new SharedRefreshToken() {
            @Override
            public Optional<Secret> latest() {
                return rotations.latest(platform);
            }

            @Override
            public void accept(Secret rotated) {
                rotations.rotated(platform, rotated);
            }

            @Override
            public <T> T exclusively(Supplier<T> refresh) {
                return rotations.exclusively(platform, refresh);
            }
        };
    }

    /** Platforms that have a connector. */
    public static Set<Platform> implemented() {
        return Set.copyOf(BY_PLATFORM.keySet());
    }

    private static Map<Platform, PlatformFactory> byPlatform() {
        Map<Platform, PlatformFactory> map = new EnumMap<>(Platform.class);
        for (PlatformFactory factory : FACTORIES) {
            if (map.put(factory.platform(), factory) != null) {
                throw new IllegalStateException("two factories for " + factory.platform());
            }
        }
        return map;
    }
}
