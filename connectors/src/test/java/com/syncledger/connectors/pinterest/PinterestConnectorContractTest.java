package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.pinterest.PinterestFake;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

class PinterestConnectorContractTest extends SpendConnectorContractTest {

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
        return List.of("547602124502", "549755813888", "549755814001", "123456789012345678");
    }

    /** One analytics call per range of up to 90 days; the account lookup is separate. */
    @Override
    protected int requestsPerSpendFetch() {
        return 1;
    }

    @Override
    protected String authHeader() {
        return "Authorization";
    }

    /** Pinterest's 429 carries code 8 but no documented retry hint. */
    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.REFRESH_TOKEN);
    }

    @Override
    protected String unknownAccountId() {
        return "999999999999";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("DATE buckets are UTC days (documented), reporting_timezone a closed beta"),
                Reading.exact("DATE buckets are UTC days, reporting_timezone beta open (cross-checked)",
                        PinterestFake.class, fake -> fake.reportingTimezoneBeta(true)),
                Reading.refused("DATE buckets are the account zone's days, reporting_timezone beta open",
                        PinterestFake.class, fake -> fake.daysInAccountZone(true).reportingTimezoneBeta(true),
                        "not in UTC as documented"),
                Reading.notObservable("DATE buckets are the account zone's days, reporting_timezone a closed beta",
                        PinterestFake.class, fake -> fake.daysInAccountZone(true),
                        "contradicts Pinterest's documentation and nothing can be compared; days stored as sent, as UTC"));
    }

    /** Pinterest's report days are UTC days, so every account is reported on UTC, as LinkedIn's are. */
    @Override
    protected ZoneId expectedTimeZone(FakeAccount account) {
        return ZoneOffset.UTC;
    }
}
