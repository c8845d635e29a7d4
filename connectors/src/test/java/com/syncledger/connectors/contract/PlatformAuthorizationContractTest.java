package com.syncledger.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.syncledger.connectors.Connectors;
import com.syncledger.connectors.PlatformAuthorization;
import com.syncledger.connectors.PlatformAuthorization.Grant;
import com.syncledger.connectors.PlatformAuthorization.ReachableAccount;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.WireClient;
import com.syncledger.sandbox.FakeAccount;
import com.syncledger.sandbox.FakeGrant;
import com.syncledger.sandbox.FakePlatform;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every platform's authorization-code flow keeps, against its sandbox fake over real HTTP: the
 * consent URL, the code exchange and its refusals, the account listing, and a grant's reach. A platform's test
 * extends this class beside its factory and names its fake, its account ids and its token lifetimes.
 */
public abstract class PlatformAuthorizationContractTest {

    protected static final URI REDIRECT = URI.create("http://127.0.0.1:8080/connect/callback");

    protected abstract Platform platform();

    /** A new, not yet started fake of the platform. */
    protected abstract FakePlatform newFake();

    /** Five distinct valid account ids, as the fake keys them (the platform's canonical form). */
    protected abstract List<String> accountIds();

    /** The access token lifetime a code exchange gives. */
    protected abstract Optional<Duration> accessLifetime();

    /** The refresh token lifetime a code exchange states, where the platform states one. */
    protected Optional<Duration> refreshLifetime() {
        return Optional.empty();
    }

    /** Whether the exchange gives a refresh token (Meta and TikTok give none). */
    protected boolean issuesRefreshToken() {
        return true;
    }

    /**
     * Whether the exchange carries the redirect URI, so a code sent elsewhere can be refused there (TikTok's
     * carries none: the redirect is checked against the app's registered one at consent instead).
     */
    protected boolean exchangeChecksRedirect() {
        return true;
    }

    /** The consent URL's parameter naming the app. */
    protected String clientParam() {
        return "client_id";
    }

    /** The callback's parameter carrying the code. */
    protected String codeParam() {
        return "code";
    }

    /** The fake's page size that makes the listing of three accounts take more than one page. */
    protected int listingPageSize() {
        return 2;
    }

    /**
     * The connector settings that make a connector use {@code grant}'s tokens: by default the access token and,
     * where given, the refresh token under the platform's standard names.
     */
    protected Map<String, String> environmentWith(Map<String, String> environment, Grant grant) {
        Map<String, String> env = new HashMap<>(environment);
        String prefix = Connectors.factory(platform()).variableNames().prefix();
        env.put(prefix + "_ACCESS_TOKEN", grant.accessToken().reveal());
        grant.refreshToken().ifPresent(token -> env.put(prefix + "_REFRESH_TOKEN", token.reveal()));
        return env;
    }

    // ---- fixture ----

    protected FakePlatform fake;
    protected PlatformAuthorization authorization;
    protected List<FakeAccount> accounts;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startFake() {
        fake = newFake().start();
        accounts = accountIds().stream()
                .map(id -> fake.addAccount(new FakeAccount(id, "USD", "America/New_York", "Client account " + id)))
                .toList();
        authorization = Connectors.factory(platform())
                .authorization(Env.of(fake.environment()), WireClient.withDefaults())
                .orElseThrow(() -> new AssertionError(platform() + " offers no authorization with its fake's settings"));
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    // ---- the consent URL ----

    @Test
    void theConsentUrlCarriesClientRedirectStateAndTheChallengeWhereSupported() {
        URI url = authorization.authorizeUrl("state-1", challenge("verifier-" + "x".repeat(40)), REDIRECT);
        Map<String, String> query = query(url.getRawQuery());
        assertThat(query).containsEntry(clientParam(), fake.credentials().clientId())
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("state", "state-1");
        assertThat(url.toString()).startsWith(fake.baseUrl().toString());
        if (authorization.supportsPkce()) {
            assertThat(query).containsEntry("code_challenge", challenge("verifier-" + "x".repeat(40)))
                    .containsEntry("code_challenge_method", "S256");
        } else {
            assertThat(query).doesNotContainKeys("code_challenge", "code_challenge_method");
        }
    }

    @Test
    void withoutClientSettingsThereIsNoAuthorization() {
        Map<String, String> env = new HashMap<>(fake.environment());
        env.remove(Connectors.factory(platform()).variableNames().clientId());
        assertThat(Connectors.factory(platform()).authorization(Env.of(env), WireClient.withDefaults())).isEmpty();
    }

    // ---- the exchange ----

    @Test
    void aConsentedCodeExchangesForTheGrantsTokensWithTheirLifetimes() {
        fake.consentNext("acme", Set.of(accounts.get(0).id(), accounts.get(1).id()));
        Consent consent = consent();
        Instant before = Instant.now();
        Grant grant = authorization.exchange(consent.code(), consent.verifier(), REDIRECT);
        Instant after = Instant.now();

        FakeGrant acme = fake.grant("acme").orElseThrow();
        assertThat(acme.accessTokens()).contains(grant.accessToken().reveal());
        assertThat(fake.grantOf(grant.accessToken().reveal()).label()).isEqualTo("acme");
        if (issuesRefreshToken()) {
            assertThat(grant.refreshToken()).map(token -> token.reveal()).contains(acme.refreshToken());
        } else {
            assertThat(grant.refreshToken()).isEmpty();
        }
        assertLifetime(grant.accessExpiresAt(), accessLifetime(), before, after);
        assertLifetime(grant.refreshExpiresAt(), refreshLifetime(), before, after);
        assertThat(grant.toString()).doesNotContain(grant.accessToken().reveal());
    }

    @Test
    void aCodeIsGoodForOneExchangeOnly() {
        Consent consent = consent();
        authorization.exchange(consent.code(), consent.verifier(), REDIRECT);
        assertRefused(() -> authorization.exchange(consent.code(), consent.verifier(), REDIRECT));
    }

    @Test
    void aCodeSentToAnotherRedirectIsRefused() {
        Consent consent = consent();
        if (!exchangeChecksRedirect()) {
            Grant grant = authorization.exchange(consent.code(), consent.verifier(),
                    URI.create("http://127.0.0.1:8080/elsewhere"));
            assertThat(fake.grantOf(grant.accessToken().reveal()).label()).startsWith("consent-");
            return;
        }
        assertRefused(() -> authorization.exchange(consent.code(), consent.verifier(),
                URI.create("http://127.0.0.1:8080/elsewhere")));
    }

    @Test
    void anExpiredCodeIsRefused() {
        Consent consent = consent();
        fake.expireAuthorizationCodes();
        assertRefused(() -> authorization.exchange(consent.code(), consent.verifier(), REDIRECT));
    }

    @Test
    void anUnknownCodeIsRefused() {
        consent();
        assertRefused(() -> authorization.exchange("not-a-code-" + UUID.randomUUID(), null, REDIRECT));
    }

    /** Where the platform takes no PKCE, the verifier is never asked for; that is asserted instead. */
    @Test
    void aWrongVerifierIsRefusedWherePkceIsSupported() {
        if (!authorization.supportsPkce()) {
            assertThat(query(authorization.authorizeUrl("s", null, REDIRECT).getRawQuery()))
                    .doesNotContainKey("code_challenge");
            return;
        }
        Consent consent = consent();
        assertRefused(() -> authorization.exchange(consent.code(), "wrong-verifier-" + "y".repeat(40), REDIRECT));
    }

    @Test
    void aDeniedConsentRedirectsWithAccessDeniedAndNoCode() {
        fake.denyConsentNext();
        Map<String, String> callback = follow(authorization.authorizeUrl("state-denied",
                authorization.supportsPkce() ? challenge("v".repeat(43)) : null, REDIRECT));
        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "state-denied")
                .doesNotContainKey(codeParam());
    }

    @Test
    void anUnknownAppIsRefusedWithoutARedirect() throws Exception {
        URI url = authorization.authorizeUrl("s", null, REDIRECT);
        URI wrong = URI.create(url.toString().replace(fake.credentials().clientId(), "someone-else"));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(wrong).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }

    /**
     * A grant's refresh token refreshes within its grant, rotating only that grant's token where the platform
     * rotates; the configured credentials' refresh token is untouched.
     */
    @Test
    void aGrantsRefreshTokenRefreshesWithinItsGrant() {
        fake.consentNext("acme", Set.of(accounts.get(0).id()));
        Consent consent = consent();
        Grant grant = authorization.exchange(consent.code(), consent.verifier(), REDIRECT);
        if (!issuesRefreshToken()) {
            assertThat(grant.refreshToken()).isEmpty();
            return;
        }
        String configured = fake.currentRefreshToken();
        Map<String, String> env = new HashMap<>(environmentWith(fake.environment(), grant));
        env.remove(Connectors.factory(platform()).variableNames().accessToken());
        List<com.syncledger.connectors.wire.Secret> rotated = new java.util.ArrayList<>();
        String refreshed = Connectors.factory(platform()).refresher(Env.of(env), WireClient.withDefaults(), rotated::add)
                .orElseThrow().accessToken().reveal();

        assertThat(fake.grantOf(refreshed).label()).isEqualTo("acme");
        assertThat(refreshed).isNotEqualTo(grant.accessToken().reveal());
        FakeGrant acme = fake.grant("acme").orElseThrow();
        if (rotated.isEmpty()) {
            assertThat(acme.refreshToken()).isEqualTo(grant.refreshToken().orElseThrow().reveal());
        } else {
            assertThat(rotated).extracting(com.syncledger.connectors.wire.Secret::reveal)
                    .containsExactly(acme.refreshToken());
        }
        assertThat(fake.currentRefreshToken()).isEqualTo(configured);
    }

    // ---- the listing and the reach ----

    @Test
    void theListingNamesExactlyTheGrantsAccountsAcrossPages() {
        fake.pageSize(listingPageSize());
        Set<String> reached = Set.of(accounts.get(0).id(), accounts.get(2).id(), accounts.get(4).id());
        fake.consentNext("acme", reached);
        Consent consent = consent();
        Grant grant = authorization.exchange(consent.code(), consent.verifier(), REDIRECT);

        List<ReachableAccount> listed = authorization.accounts(grant.accessToken());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(accounts.stream()
                .filter(account -> reached.contains(account.id()))
                .map(account -> new ReachableAccount(AccountId.of(platform(), account.id()), account.name()))
                .toList());
    }

    @Test
    void aGrantsTokenIsRefusedOnAnotherGrantsAccount() {
        fake.consentNext("acme", Set.of(accounts.get(0).id()));
        Consent acmeConsent = consent();
        Grant acme = authorization.exchange(acmeConsent.code(), acmeConsent.verifier(), REDIRECT);
        fake.consentNext("globex", Set.of(accounts.get(1).id()));
        Consent globexConsent = consent();
        authorization.exchange(globexConsent.code(), globexConsent.verifier(), REDIRECT);

        SpendConnector asAcme = Connectors.create(platform(), Env.of(environmentWith(fake.environment(), acme)),
                WireClient.withDefaults());

        assertThat(asAcme.accountInfo(AccountId.of(platform(), accounts.get(0).id())).name())
                .isEqualTo(accounts.get(0).name());
        ConnectorException refused = catchThrowableOfType(ConnectorException.class,
                () -> asAcme.accountInfo(AccountId.of(platform(), accounts.get(1).id())));
        assertThat(refused).as("globex's account read with acme's token").isNotNull();
        assertThat(refused.kind()).isIn(ErrorKind.PERMISSION, ErrorKind.NOT_FOUND, ErrorKind.AUTH);
    }

    // ---- helpers ----

    /** A code and its verifier, from following a consent URL to the fake's redirect. */
    protected record Consent(String code, String verifier) {
    }

    protected Consent consent() {
        String verifier = authorization.supportsPkce() ? UUID.randomUUID() + "-" + UUID.randomUUID() : null;
        String state = "state-" + UUID.randomUUID();
        Map<String, String> callback = follow(authorization.authorizeUrl(state,
                verifier == null ? null : challenge(verifier), REDIRECT));
        assertThat(callback).containsEntry("state", state).containsKey(codeParam()).doesNotContainKey("error");
        return new Consent(callback.get(codeParam()), verifier);
    }

    /** Opens {@code url} as a browser would and returns the callback's query, checking it goes to the redirect. */
    protected Map<String, String> follow(URI url) {
        try {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("consent page answer %s", answer.body()).isEqualTo(302);
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertThat(location.toString()).startsWith(REDIRECT + "?");
            return query(location.getRawQuery());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    protected static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(Runnable exchange) {
        int grants = tokensIssued();
        ConnectorException refused = catchThrowableOfType(ConnectorException.class, exchange::run);
        assertThat(refused).as("the exchange was refused").isNotNull();
        assertThat(refused.kind()).as(refused.toString()).isEqualTo(ErrorKind.AUTH);
        assertThat(refused.platform()).isEqualTo(platform());
        assertThat(tokensIssued()).as("no tokens issued").isEqualTo(grants);
    }

    private int tokensIssued() {
        return fake.grants().stream().mapToInt(grant -> grant.accessTokens().size()).sum();
    }

    private static void assertLifetime(Optional<Instant> expiresAt, Optional<Duration> lifetime, Instant before,
            Instant after) {
        if (lifetime.isEmpty()) {
            assertThat(expiresAt).isEmpty();
            return;
        }
        assertThat(expiresAt).isPresent();
        assertThat(expiresAt.get()).isBetween(before.plus(lifetime.get()).minusSeconds(1),
                after.plus(lifetime.get()).plusSeconds(1));
    }
}
