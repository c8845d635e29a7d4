package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.contract.PlatformAuthorizationContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.tiktok.TikTokFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class TikTokAuthorizationContractTest extends PlatformAuthorizationContractTest {

    @Override
    protected Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    protected FakePlatform newFake() {
        return new TikTokFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("7001234567890123401", "7001234567890123402", "7001234567890123403", "7001234567890123404",
                "7001234567890123405");
    }

    /** Marketing API tokens are long-term: no expiry is stated and there is no refresh token. */
    @Override
    protected Optional<Duration> accessLifetime() {
        return Optional.empty();
    }

    @Override
    protected boolean issuesRefreshToken() {
        return false;
    }

    @Override
    protected boolean exchangeChecksRedirect() {
        return false;
    }

    @Override
    protected String clientParam() {
        return "app_id";
    }

    @Override
    protected String codeParam() {
        return "auth_code";
    }
}
