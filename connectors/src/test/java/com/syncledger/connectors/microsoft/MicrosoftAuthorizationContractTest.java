package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class MicrosoftAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.MICROSOFT;
    }

    @Override
    protected FakePlatform newFake() {
        return new MicrosoftFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("149012301", "149012302", "149012303", "149012304", "149012305");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(3600));
    }
}
