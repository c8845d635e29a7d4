package com.syncledger.connectors.amazon;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.amazon.AmazonAdsFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class AmazonAdsAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.AMAZON;
    }

    @Override
    protected FakePlatform newFake() {
        return new AmazonAdsFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("3141592653589701", "3141592653589702", "3141592653589703", "3141592653589704",
                "3141592653589705");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(3600));
    }
}
