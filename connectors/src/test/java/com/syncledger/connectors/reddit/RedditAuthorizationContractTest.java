package com.syncledger.connectors.reddit;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.reddit.RedditFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class RedditAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.REDDIT;
    }

    @Override
    protected FakePlatform newFake() {
        return new RedditFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("a2_acme1", "a2_acme2", "a2_acme3", "a2_acme4", "a2_acme5");
    }

    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.of(Duration.ofSeconds(RedditFake.TOKEN_LIFETIME_SECONDS));
    }
}
