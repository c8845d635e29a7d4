package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.pinterest.PinterestFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class PinterestAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.PINTEREST;
    }

    @Override
    protected FakePlatform newFake() {
        return new PinterestFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("547602124501", "547602124502", "547602124503", "547602124504", "547602124505");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(2_592_000));
    }

    @Override
    protected Optional<Duration> refreshLifetime() {
        return Optional.of(Duration.ofSeconds(PinterestFake.REFRESH_TOKEN_SECONDS));
    }
}
