package com.syncledger.connectors.tiktok;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.tiktok.TikTokFake;
import java.util.List;
import java.util.Set;

/** TikTok against its fake: page/page_size paging, long-lived tokens without refresh, no retry hint. */
class TikTokConnectorContractTest extends SpendConnectorContractTest {

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
        return List.of("7001234567890123456", "7002345678901234567", "7003456789012345678", "7004567890123456789");
    }

    @Override
    protected int requestsPerSpendFetch() {
        return 1;
    }

    @Override
    protected String authHeader() {
        return "Access-Token";
    }

    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.PAGINATION);
    }

    @Override
    protected String unknownAccountId() {
        return "7999999999999999999";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("stat_time_day in the advertiser zone; days without delivery left out;"
                        + " tokens long-lived"),
                Reading.refused("days without delivery sent with spend \"-\"", TikTokFake.class,
                        fake -> fake.dashForDaysWithoutSpend(true), "'-'"),
                Reading.refused("access tokens expire after 24 hours", TikTokFake.class,
                        FakePlatform::expireAccessTokens, ErrorKind.AUTH, "re-authorize"));
    }
}
