package com.syncledger.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncledger.sandbox.google.GoogleAdsFake;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grant model every fake shares, over real HTTP against one standard OAuth fake. */
class FakeGrantsTest {

    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private GoogleAdsFake fake;

    @BeforeEach
    void start() {
        fake = new GoogleAdsFake();
        fake.start();
        fake.addAccount(new FakeAccount("1000000001", "USD", "UTC", "One"));
        fake.addAccount(new FakeAccount("1000000002", "USD", "UTC", "Two"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theConfiguredCredentialsAreTheDefaultGrantReachingEveryAccount() {
        FakeGrant defaults = fake.grant(FakeGrant.DEFAULT_LABEL).orElseThrow();
        assertThat(defaults.reachesAll()).isTrue();
        assertThat(defaults.refreshToken()).isEqualTo(fake.credentials().refreshToken());
        assertThat(fake.grantOf(fake.credentials().accessToken())).isSameAs(defaults);
        assertThat(fake.reaches(fake.credentials().accessToken(), "1000000002")).isTrue();
    }

    @Test
    void anUnscriptedConsentReachesEveryAccountAndAScriptedOneOnlyItsOwn() throws Exception {
        String everything = exchange(consent());
        fake.consentNext("acme", Set.of("1000000001"));
        String acme = exchange(consent());

        assertThat(fake.grantOf(everything).label()).startsWith("consent-");
        assertThat(fake.reaches(everything, "1000000002")).isTrue();
        assertThat(fake.grantOf(acme).label()).isEqualTo("acme");
        assertThat(fake.reaches(acme, "1000000001")).isTrue();
        assertThat(fake.reaches(acme, "1000000002")).isFalse();
    }

    @Test
    void consentingAgainUnderALabelChangesItsAccountsAndKeepsItsTokens() throws Exception {
        fake.consentNext("acme", Set.of("1000000001"));
        String first = exchange(consent());
        fake.consentNext("acme", Set.of("1000000002"));
        consent();

        assertThat(fake.grant("acme").orElseThrow().accountIds()).containsExactly("1000000002");
        assertThat(fake.grant("acme").orElseThrow().accessTokens()).contains(first);
        assertThat(fake.reaches(first, "1000000001")).isFalse();
    }

    @Test
    void revokingStopsEveryGrantsRefreshToken() throws Exception {
        fake.consentNext("acme", Set.of("1000000001"));
        String code = consent();
        HttpResponse<String> exchanged = post("grant_type=authorization_code&code=" + code + "&redirect_uri="
                + enc(REDIRECT));
        assertThat(exchanged.statusCode()).isEqualTo(200);
        fake.revokeTokens();

        HttpResponse<String> refreshed = post("grant_type=refresh_token&refresh_token="
                + enc(fake.grant("acme").orElseThrow().refreshToken()));

        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
    }

    @Test
    void aWrongChallengeMethodIsRefusedAtTheConsentPage() throws Exception {
        Map<String, String> callback = callback(fake.baseUrl() + "/o/oauth2/v2/auth?client_id="
                + fake.credentials().clientId() + "&redirect_uri=" + enc(REDIRECT)
                + "&response_type=code&state=s1&code_challenge=abc&code_challenge_method=plain");
        assertThat(callback).containsEntry("error", "invalid_request").containsEntry("state", "s1")
                .doesNotContainKey("code");
    }

    private String consent() throws Exception {
        Map<String, String> callback = callback(fake.baseUrl() + "/o/oauth2/v2/auth?client_id="
                + fake.credentials().clientId() + "&redirect_uri=" + enc(REDIRECT) + "&response_type=code&state=s");
        assertThat(callback).containsKey("code");
        return callback.get("code");
    }

    private String exchange(String code) throws Exception {
        HttpResponse<String> answer = post("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(REDIRECT));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String body = answer.body();
        int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        String client = "&client_id=" + enc(fake.credentials().clientId()) + "&client_secret="
                + enc(fake.credentials().clientSecret());
        return http.send(HttpRequest.newBuilder(URI.create(fake.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + client)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> callback(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
