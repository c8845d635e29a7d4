package com.syncledger.connectors.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.sandbox.microsoft.MicrosoftFake;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresher sharing its rotating refresh token: each refresh runs inside the store's
 * {@link SharedRefreshToken#exclusively}, reading the kept token and handing over the rotated one within it.
 */
class OAuthRefresherSharedTokenTest {

    private static final String SCOPE = "https://api.ads.microsoft.com/msads.manage offline_access";

    private MicrosoftFake fake;

    @BeforeEach
    void start() {
        fake = new MicrosoftFake().start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRefreshReadsTheKeptTokenExchangesItAndKeepsTheRotatedOneWhileHoldingTheStore() {
        List<String> events = new CopyOnWriteArrayList<>();
        // Another process rotated the token this one was configured with: only the kept one works.
        String kept = fake.currentRefreshToken();
        SharedRefreshToken store = new SharedRefreshToken() {
            @Override
            public Optional<Secret> latest() {
                events.add("latest");
                return Optional.of(Secret.of(kept));
            }

            @Override
            public void accept(Secret rotated) {
                events.add("kept " + rotated.reveal());
            }

            @Override
            public <T> T exclusively(Supplier<T> refresh) {
                events.add("lock");
                try {
                    return refresh.get();
                } finally {
                    events.add("unlock");
                }
            }
        };
        OAuthRefresher refresher = OAuthRefresher.builder(Platform.MICROSOFT, URI.create(fake.tokenUrl()),
                        WireClient.withDefaults())
                .client(fake.credentials().clientId(), Secret.of(fake.credentials().clientSecret()))
                .param("scope", SCOPE)
                .refreshToken(Secret.of("superseded-by-another-process"))
                .onRotation(store)
                .build();

        assertThat(refresher.accessToken()).isNotNull();

        assertThat(fake.currentRefreshToken()).isNotEqualTo(kept);
        assertThat(events).containsExactly("lock", "latest", "kept " + fake.currentRefreshToken(), "unlock");
    }

    @Test
    void withoutASharedStoreARefreshJustRuns() {
        List<Secret> rotations = new CopyOnWriteArrayList<>();
        OAuthRefresher refresher = OAuthRefresher.builder(Platform.MICROSOFT, URI.create(fake.tokenUrl()),
                        WireClient.withDefaults())
                .client(fake.credentials().clientId(), Secret.of(fake.credentials().clientSecret()))
                .param("scope", SCOPE)
                .refreshToken(Secret.of(fake.currentRefreshToken()))
                .onRotation(rotations::add)
                .build();

        assertThat(refresher.accessToken()).isNotNull();
        assertThat(rotations).extracting(Secret::reveal).containsExactly(fake.currentRefreshToken());
    }
}
