package com.syncledger.connectors.google;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.google.GoogleAdsFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class GoogleAdsAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.GOOGLE;
    }

    @Override
    protected FakePlatform newFake() {
        return new GoogleAdsFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("1234567801", "1234567802", "1234567803", "1234567804", "1234567805");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(3599));
    }
}
