package com.syncledger.connectors.snapchat;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.snapchat.SnapchatFake;
import java.util.List;
import java.util.Set;

class SnapchatConnectorContractTest extends SpendConnectorContractTest {

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
        return List.of(
                "8adc3db7-8148-4fbf-999c-8d2266369d74",
                "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b",
                "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    }

    /** One stats call per range of up to 31 days; the account lookup is separate. */
    @Override
    protected int requestsPerSpendFetch() {
        return 1;
    }

    @Override
    protected String authHeader() {
        return "Authorization";
    }

    /** Snap documents no retry hint on its 429, so none is promised. */
    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.REFRESH_TOKEN);
    }

    @Override
    protected String unknownAccountId() {
        return "00000000-0000-4000-8000-000000000000";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(Reading.asDocumented("DAY timeseries of the account zone, zero days sent"));
    }
}
