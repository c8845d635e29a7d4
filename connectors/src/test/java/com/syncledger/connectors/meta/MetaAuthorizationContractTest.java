package com.syncledger.connectors.meta;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.meta.MetaFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class MetaAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.META;
    }

    @Override
    protected FakePlatform newFake() {
        return new MetaFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("1000000001", "1000000002", "1000000003", "1000000004", "1000000005");
    }

    /** The long-lived token the short-lived one is exchanged for; Meta gives no refresh token. */
    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(MetaFake.LONG_LIVED_SECONDS));
    }

    @Override
    protected boolean issuesRefreshToken() {
        return false;
    }
}
