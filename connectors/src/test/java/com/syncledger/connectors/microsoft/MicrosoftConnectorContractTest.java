package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.contract.Behavior;
import com.syncledger.connectors.contract.Reading;
import com.syncledger.connectors.contract.SpendConnectorContractTest;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.FakePlatform;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.util.List;
import java.util.Set;

/** The shared contract, against the Microsoft Advertising fake over loopback HTTP. */
class MicrosoftConnectorContractTest extends SpendConnectorContractTest {

    @Override
    protected Platform platform() {
        return Platform.MICROSOFT;
    }

    @Override
    protected FakePlatform newFake() {
        return new MicrosoftFake();
    }

    @Override
    protected List<String> accountIds() {
        return List.of("149012345", "149054321", "180000001", "180000002");
    }

    /**
     * Submit, then two polls (the fake answers {@code Pending} to a report's first poll, then
     * {@code Success}). The ZIP download goes to the storage host behind the pre-signed link, not to the
     * API, so it is not counted here.
     */
    @Override
    protected int requestsPerSpendFetch() {
        return 3;
    }

    @Override
    protected String authHeader() {
        return "Authorization";
    }

    /**
     * Microsoft sends no documented Retry-After; for 117 (CallRateExceeded) the connector hints the
     * documented sliding 60-second window, which is what RETRY_HINT checks.
     */
    @Override
    protected Set<Behavior> behaviors() {
        return Set.of(Behavior.REFRESH_TOKEN, Behavior.RETRY_HINT);
    }

    @Override
    protected String unknownAccountId() {
        return "999000111";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(
                Reading.asDocumented("rows are the account's days, the header echoes ReportTimeZone"),
                Reading.refused("rows are UTC days and the header says so", MicrosoftFake.class,
                        fake -> fake.daysInUtc(true), "not in the account's"),
                Reading.exact("CurrencyCode as enum names (USDollar, JapaneseYen) in GetAccount and rows",
                        MicrosoftFake.class, fake -> fake.currencyNames(true)));
    }
}
