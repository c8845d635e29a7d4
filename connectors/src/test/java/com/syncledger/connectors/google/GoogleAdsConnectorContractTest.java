package com.syncledger.connectors.google;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.google.GoogleAdsFake;
import java.util.List;
import java.util.Set;

class GoogleAdsConnectorContractTest extends SpendConnectorContractTest {

    @Override
    protected Platform platform() {
        return Platform.GOOGLE;
    }

    @Override
    protected FakePlatform newFake() {
        return new GoogleAdsFake();
    }

    @Override
    protected List<String> accountIds() {
        // Both spellings a user may write: as the UI shows them (dashes) and as the API wants them.
        return List.of("123-456-7890", "2345678901", "345-678-9012", "4567890123");
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
        return Set.of(Behavior.REFRESH_TOKEN, Behavior.RETRY_HINT);
    }

    @Override
    protected String unknownAccountId() {
        return "999-999-9999";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("rows with all-zero metrics left out; segments.date in the customer zone;"
                        + " developer-token header ignored"),
                Reading.exact("developer-token header refused (DEVELOPER_TOKEN_PROHIBITED)", GoogleAdsFake.class,
                        fake -> fake.refuseDeveloperTokenHeader(true)),
                Reading.refused("accounts reached only through a manager's login-customer-id", GoogleAdsFake.class,
                        fake -> fake.managedBy("9876543210"), ErrorKind.PERMISSION, "login-customer-id"));
    }
}
