package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.linkedin.LinkedInFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class LinkedInAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    protected FakePlatform newFake() {
        return new LinkedInFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("512345671", "512345672", "512345673", "512345674", "512345675");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(LinkedInFake.ACCESS_TOKEN_SECONDS));
    }

    @Override
    protected Optional<Duration> refreshLifetime() {
        return Optional.of(Duration.ofSeconds(LinkedInFake.REFRESH_TOKEN_SECONDS));
    }
}
