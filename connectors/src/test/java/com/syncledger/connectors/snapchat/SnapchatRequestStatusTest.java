package com.syncledger.connectors.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.snapchat.SnapchatFake;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snap's docs spell success {@code success}, live answers {@code SUCCESS}: both are read, nothing else is. */
class SnapchatRequestStatusTest {

    private static final String ID = "7057e31f-b908-4bc7-85dd-88169f53e08d";
    private static final DateRange RANGE = DateRange.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 3));

    private SnapchatFake fake;
    private SpendConnector connector;
    private final AccountId id = AccountId.of(Platform.SNAPCHAT, ID);
    private final AccountInfo info = new AccountInfo("USD", ZoneId.of("America/Los_Angeles"), "LA");

    @BeforeEach
    void start() {
        fake = new SnapchatFake();
        fake.start();
        fake.addAccount(new FakeAccount(ID, "USD", "America/Los_Angeles", "LA"))
                .spend(LocalDate.of(2025, 6, 2), "c", "125.43");
        connector = Connectors.create(Platform.SNAPCHAT, Env.of(fake.environment()), WireClient.withDefaults());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUCCESS", "success", "Success"})
    void successIsReadInAnyCase(String status) {
        fake.requestStatus(status);

        AccountInfo read = connector.accountInfo(id);
        SpendReport report = connector.dailySpend(id, info, RANGE);

        assertThat(read).isEqualTo(info);
        assertThat(report.days()).extracting(d -> d.spend().toDecimalString()).containsExactly("0.00", "125.43", "0.00");
        assertThat(report.requestIds()).singleElement().asString().startsWith("snapchat-req-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PARTIAL", "ERROR", "successful"})
    void anyOtherStatusIsABadResponseNeverSpend(String status) {
        fake.requestStatus(status);

        ConnectorException error = catchThrowableOfType(ConnectorException.class,
                () -> connector.dailySpend(id, info, RANGE));

        assertThat(error.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
        assertThat(error.requestId()).startsWith("snapchat-req-");
        assertThat(error.getMessage()).contains(status);
    }
}
