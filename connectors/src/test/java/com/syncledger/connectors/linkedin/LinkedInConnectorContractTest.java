package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.linkedin.LinkedInFake;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** LinkedIn against its fake: unpaged adAnalytics, refresh-token flow, bare 429 without a retry hint. */
class LinkedInConnectorContractTest extends SpendConnectorContractTest {

    @Override
    protected Platform platform() {
        return Platform.LINKEDIN;
    }

    @Override
    protected FakePlatform newFake() {
        return new LinkedInFake();
    }

    /** Bare ids and URNs are both accepted; the fixture uses both forms. */
    @Override
    protected List<String> accountIds() {
        return List.of("512345678", "urn:li:sponsoredAccount:523456789", "534567890", "545678901");
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
        return Set.of(Behavior.REFRESH_TOKEN);
    }

    @Override
    protected String unknownAccountId() {
        return "599999999";
    }

    /**
     * LinkedIn ad accounts have no time zone in the API and reporting days are UTC days, so the connector
     * reports UTC whatever zone the fixture account was given (the fake keeps that zone but, like LinkedIn,
     * never reports it).
     */
    @Override
    protected ZoneId expectedTimeZone(FakeAccount account) {
        return ZoneId.of("UTC");
    }

    @Override
    protected List<Reading> readings() {
        return List.of(Reading.asDocumented("days are UTC days (the zone cannot be observed in the answer)"));
    }
}
