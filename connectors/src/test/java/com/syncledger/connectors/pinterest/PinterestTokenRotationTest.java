package com.syncledger.connectors.pinterest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.RecordedRequest;
import com.syncledger.sandbox.pinterest.PinterestFake;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pinterest issues a new refresh token on every refresh and the old one stops working: the new one is kept. */
class PinterestTokenRotationTest {

    private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);

    private PinterestFake fake;
    private FakeAccount account;
    private Map<String, String> env;
    private final List<Secret> rotated = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fake = new PinterestFake();
        fake.start();
        account = fake.addAccount(new FakeAccount("547602124502", "USD", "America/New_York", "NY"))
                .spend(DAY, "a", "42.00");
        env = new HashMap<>(fake.environment());
        env.remove("PINTEREST_ACCESS_TOKEN"); // start from the refresh token alone
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void eachRefreshUsesTheRefreshTokenIssuedByThePreviousOne() {
        String original = fake.currentRefreshToken();
        SpendConnector connector = new PinterestFactory().create(Env.of(env), WireClient.withDefaults(), rotated::add);

        fetch(connector);
        String first = fake.currentRefreshToken();
        fake.expireAccessTokens();
        fetch(connector);
        String second = fake.currentRefreshToken();

        assertThat(first).isNotEqualTo(original);
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated).extracting(Secret::reveal).containsExactly(first, second);
        assertThat(tokenRequests()).extracting(RecordedRequest::body).containsExactly(
                "grant_type=refresh_token&refresh_token=" + encode(original),
                "grant_type=refresh_token&refresh_token=" + encode(first));
    }

    @Test
    void theAppCredentialsGoInABasicHeaderNotTheForm() {
        fetch(new PinterestFactory().create(Env.of(env), WireClient.withDefaults(), rotated::add));

        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (fake.credentials().clientId() + ":" + fake.credentials().clientSecret()).getBytes(StandardCharsets.UTF_8));
        assertThat(tokenRequests()).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).contains(basic);
            assertThat(r.body()).doesNotContain("client_secret").doesNotContain("client_id");
        });
    }

    @Test
    void aRefreshTokenThatWasRotatedAwayIsAuth() {
        fetch(new PinterestFactory().create(Env.of(env), WireClient.withDefaults(), rotated::add));
        SpendConnector stale = new PinterestFactory().create(Env.of(env), WireClient.withDefaults(), rotated::add);

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> fetch(stale));

        assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(error.platformCode()).isEqualTo("invalid_grant");
    }

    @Test
    void theRotatedTokenNeverShowsInTheConnectorOrItsErrors() {
        SpendConnector connector = new PinterestFactory().create(Env.of(env), WireClient.withDefaults(), rotated::add);
        fetch(connector);
        fake.revokeTokens();

        ConnectorException error = catchThrowableOfType(ConnectorException.class, () -> fetch(connector));

        String everything = connector + " " + error + " " + rotated;
        assertThat(everything).doesNotContain(fake.currentRefreshToken())
                .doesNotContain(fake.credentials().refreshToken());
    }

    private void fetch(SpendConnector connector) {
        AccountId id = AccountId.of(Platform.PINTEREST, account.id());
        AccountInfo info = new AccountInfo("USD", account.timeZone(), account.name());
        assertThat(connector.dailySpend(id, info, DateRange.single(DAY)).total("USD").toDecimalString())
                .isEqualTo("42.00");
    }

    private List<RecordedRequest> tokenRequests() {
        return fake.requests().stream().filter(r -> r.path().equals("/v5/oauth/token")).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
