package com.syncledger.connectors.amazon;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.amazon.AmazonAdProduct;
import com.syncledger.sandbox.amazon.AmazonAdsFake;
import java.util.List;
import java.util.Set;

class AmazonAdsConnectorContractTest extends SpendConnectorContractTest {

    @Override
    protected Platform platform() {
        return Platform.AMAZON;
    }

    @Override
    protected FakePlatform newFake() {
        return new AmazonAdsFake();
    }

    @Override
    protected List<String> accountIds() {
        // Two beyond 2^53 (9007199254740992): a double would turn them into a neighbour's id.
        return List.of("9007199254740993", "2840235221595557", "18014398509481985", "3141592653589793");
    }

    /**
     * A short range is one report per ad product (Sponsored Products, Brands, Display): 3 creates; the fake
     * answers each report's first poll PROCESSING and its second COMPLETED: 6 polls; then 3 downloads of the
     * completed files from their pre-signed URLs. 3 + 6 + 3 = 12.
     */
    @Override
    protected int requestsPerSpendFetch() {
        return 12;
    }

    @Override
    protected String authHeader() {
        return "Authorization";
    }

    /** Report files come from pre-signed URLs, whose signature is in the query: no Authorization header. */
    @Override
    protected boolean authenticatedByUrl(RecordedRequest request) {
        return request.path().startsWith(AmazonAdsFake.STORAGE_PATH);
    }

    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.REFRESH_TOKEN, Behavior.RETRY_HINT);
    }

    @Override
    protected String unknownAccountId() {
        return "1234567890123";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("every ad product kept 95 days, 31 days per report"),
                Reading.exact("Sponsored Brands and Display kept only 60 days", AmazonAdsFake.class,
                        fake -> fake.retentionDays(AmazonAdProduct.SPONSORED_BRANDS, 60)
                                .retentionDays(AmazonAdProduct.SPONSORED_DISPLAY, 60)),
                Reading.exact("old reports accepted but rows only for the last 65 days", AmazonAdsFake.class,
                        fake -> fake.rowsOnlyForLastDays(65)));
    }
}
