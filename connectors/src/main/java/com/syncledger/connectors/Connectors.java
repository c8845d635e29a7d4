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
import com.syncledger.connectors.wire.WireClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Builds the connector of each platform from its settings. */
public final class Connectors {

    /** Builds one platform's connector from its settings. */
    @FunctionalInterface
    interface Factory {
        SpendConnector create(Env env, WireClient wire);
    }

    private static final Map<Platform, Factory> FACTORIES = new EnumMap<>(Platform.class);

    static {
        FACTORIES.put(Platform.META, MetaConnector::fromEnv);
        FACTORIES.put(Platform.GOOGLE, GoogleAdsConnector::fromEnv);
        FACTORIES.put(Platform.TIKTOK, TikTokConnector::fromEnv);
        FACTORIES.put(Platform.LINKEDIN, LinkedInConnector::fromEnv);
        FACTORIES.put(Platform.AMAZON, AmazonAdsConnector::fromEnv);
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
        Factory factory = FACTORIES.get(platform);
        if (factory == null) {
            throw new UnsupportedOperationException("no connector for " + platform.displayName() + " yet");
        }
        return factory.create(env, wire);
    }

    /** Platforms that have a connector. */
    public static Set<Platform> implemented() {
        return Set.copyOf(FACTORIES.keySet());
    }
}
