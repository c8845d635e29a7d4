package com.syncledger.connectors;

import com.syncledger.connectors.amazon.AmazonAdsConnector;
import com.syncledger.connectors.google.GoogleAdsConnector;
import com.syncledger.connectors.linkedin.LinkedInConnector;
import com.syncledger.connectors.meta.MetaConnector;
import com.syncledger.connectors.microsoft.MicrosoftConnector;
import com.syncledger.connectors.pinterest.PinterestConnector;
import com.syncledger.connectors.reddit.RedditConnector;
import com.syncledger.connectors.snapchat.SnapchatConnector;
import com.syncledger.connectors.tiktok.TikTokConnector;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Builds the connector of each platform from its settings. */
public final class Connectors {

    /** Builds one platform's connector from its settings; {@code onRotation} receives rotated refresh tokens. */
    @FunctionalInterface
    interface Factory {
        SpendConnector create(Env env, WireClient wire, Consumer<Secret> onRotation);
    }

    /** Where a rotated refresh token goes: the platform and the token the platform now expects. */
    @FunctionalInterface
    public interface RotationSink {
        RotationSink LOG_ONLY = (platform, token) -> LOG.warn(
                "{} issued a new refresh token that is kept in memory only; it is lost on restart", platform.displayName());

        void rotated(Platform platform, Secret refreshToken);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Connectors.class);

    private static final Map<Platform, Factory> FACTORIES = new EnumMap<>(Platform.class);

    static {
        FACTORIES.put(Platform.META, (env, wire, rotation) -> MetaConnector.fromEnv(env, wire));
        FACTORIES.put(Platform.GOOGLE, (env, wire, rotation) -> GoogleAdsConnector.fromEnv(env, wire));
        FACTORIES.put(Platform.TIKTOK, (env, wire, rotation) -> TikTokConnector.fromEnv(env, wire));
        FACTORIES.put(Platform.LINKEDIN, LinkedInConnector::fromEnv);
        FACTORIES.put(Platform.AMAZON, (env, wire, rotation) -> AmazonAdsConnector.fromEnv(env, wire));
        FACTORIES.put(Platform.MICROSOFT, MicrosoftConnector::fromEnv);
        FACTORIES.put(Platform.SNAPCHAT, SnapchatConnector::fromEnv);
        FACTORIES.put(Platform.PINTEREST, PinterestConnector::fromEnv);
        FACTORIES.put(Platform.REDDIT, RedditConnector::fromEnv);
    }

    private Connectors() {
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
     * {@code rotations}, so it can be kept beyond this process.
     */
    public static SpendConnector create(Platform platform, Env env, WireClient wire, RotationSink rotations) {
        Factory factory = FACTORIES.get(platform);
        if (factory == null) {
            throw new UnsupportedOperationException("no connector for " + platform.displayName() + " yet");
        }
        return factory.create(env, wire, token -> rotations.rotated(platform, token));
    }

    /** Platforms that have a connector. */
    public static Set<Platform> implemented() {
        return Set.copyOf(FACTORIES.keySet());
    }
}
