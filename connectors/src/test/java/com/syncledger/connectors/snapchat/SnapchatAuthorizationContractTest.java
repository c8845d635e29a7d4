package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.snapchat.SnapchatFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class SnapchatAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.SNAPCHAT;
    }

    @Override
    protected FakePlatform newFake() {
        return new SnapchatFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("7057e31f-b908-4bc7-85dd-88169f53e001", "7057e31f-b908-4bc7-85dd-88169f53e002",
                "7057e31f-b908-4bc7-85dd-88169f53e003", "7057e31f-b908-4bc7-85dd-88169f53e004",
                "7057e31f-b908-4bc7-85dd-88169f53e005");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(1800));
    }
}
