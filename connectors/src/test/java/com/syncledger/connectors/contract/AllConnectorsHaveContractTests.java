package com.syncledger.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connector without a contract test fails the build. */
class AllConnectorsHaveContractTests {

    private static final Map<Platform, String> CONTRACT_TESTS = Map.of(
            Platform.META, "meta.MetaConnectorContractTest",
            Platform.GOOGLE, "google.GoogleAdsConnectorContractTest",
            Platform.TIKTOK, "tiktok.TikTokConnectorContractTest",
            Platform.LINKEDIN, "linkedin.LinkedInConnectorContractTest",
            Platform.AMAZON, "amazon.AmazonAdsConnectorContractTest",
            Platform.MICROSOFT, "microsoft.MicrosoftAdsConnectorContractTest",
            Platform.SNAPCHAT, "snapchat.SnapchatConnectorContractTest",
            Platform.PINTEREST, "pinterest.PinterestConnectorContractTest",
            Platform.REDDIT, "reddit.RedditConnectorContractTest");

    @Test
    void everyImplementedConnectorExtendsTheContractSuite() {
        for (Platform platform : Connectors.implemented()) {
            String name = "com.syncledger.connectors." + CONTRACT_TESTS.get(platform);
            Class<?> test;
            try {
                test = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(platform.displayName() + " has a connector but no contract test " + name);
            }
            assertThat(SpendConnectorContractTest.class).isAssignableFrom(test);
        }
    }
}
