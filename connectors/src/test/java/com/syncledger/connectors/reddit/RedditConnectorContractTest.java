package com.syncledger.connectors.reddit;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.reddit.RedditFake;
import java.util.List;
import java.util.Set;

/** The shared contract, against the Reddit Ads API v3 fake. */
class RedditConnectorContractTest extends SpendConnectorContractTest {

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
        return List.of("a2_usd1", "a2_jpy2", "a2_eur3", "t2_long4");
    }

    /** One report POST: a ten-day window fits on one page of the default size. */
    @Override
    protected int requestsPerSpendFetch() {
        return 1;
    }

    @Override
    protected String authHeader() {
        return "Authorization";
    }

    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.PAGINATION, Behavior.REFRESH_TOKEN, Behavior.RETRY_HINT);
    }

    @Override
    protected String unknownAccountId() {
        return "a2_nosuchaccount";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("ends_at exclusive: hours in [starts_at, ends_at)"),
                Reading.exact("ends_at inclusive: the hour starting at ends_at is in the report", RedditFake.class,
                        fake -> fake.includeEndsAtBucket(true)));
    }
}
