package com.syncledger.connectors.meta;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.meta.MetaFake;
import java.util.List;
import java.util.Set;

class MetaConnectorContractTest extends SpendConnectorContractTest {

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
        // Both spellings a user may write: with and without act_.
        return List.of("act_1000000001", "1000000002", "act_1000000003", "1000000004");
    }

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
        return Set.of(Behavior.PAGINATION, Behavior.RETRY_HINT);
    }

    @Override
    protected String unknownAccountId() {
        return "act_999999999";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("days without delivery left out; time_range days of the account zone;"
                        + " token in the Authorization header"),
                Reading.exact("token read only from the access_token parameter", MetaFake.class,
                        fake -> fake.tokenOnlyAsParameter(true)));
    }
}
