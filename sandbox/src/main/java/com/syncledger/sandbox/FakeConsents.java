package com.syncledger.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake's grants and the authorization codes its consent page hands out. No user sits in a sandbox, so what
 * the next consent grants is scripted: {@link #consentNext}, {@link #denyConsentNext}; unscripted, a consent
 * grants a new grant reaching every account.
 */
public final class FakeConsents {

    /** Why a code exchange is refused. */
    public enum Refusal { UNKNOWN_CODE, USED_CODE, EXPIRED_CODE, REDIRECT_MISMATCH, VERIFIER_MISMATCH }

    /** What an authorize call consents to; null label and accounts for a denial. */
    private record Consent(String label, Set<String> accountIds, boolean denied) {
    }

    /** An issued code: the grant it redeems into, where it was sent, its PKCE challenge. */
    private static final class IssuedCode {
        final String grantLabel;
        final String redirectUri;
        final String challenge;
        volatile boolean used;
        volatile boolean expired;

        IssuedCode(String grantLabel, String redirectUri, String challenge) {
            this.grantLabel = grantLabel;
            this.redirectUri = redirectUri;
            this.challenge = challenge;
        }
    }

    /** The result of redeeming a code: the grant, or why not. */
    public record Redeemed(FakeGrant grant, Refusal refusal) {
    }

    private final String slug;
    private final Map<String, FakeGrant> grants = new ConcurrentHashMap<>();
    private final Map<String, String> grantOfAccessToken = new ConcurrentHashMap<>();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Deque<Consent> scripted = new ArrayDeque<>();
    private final AtomicLong counter = new AtomicLong();

    FakeConsents(String slug, FakeCredentials credentials) {
        this.slug = slug;
        FakeGrant defaults = new FakeGrant(FakeGrant.DEFAULT_LABEL, null, credentials.refreshToken());
        defaults.issued(credentials.accessToken());
        grants.put(defaults.label(), defaults);
        grantOfAccessToken.put(credentials.accessToken(), defaults.label());
    }

    void consentNext(String label, Set<String> accountIds) {
        if (label == null || label.isBlank() || FakeGrant.DEFAULT_LABEL.equals(label)) {
            throw new IllegalArgumentException("a consent needs a label other than '" + FakeGrant.DEFAULT_LABEL + "'");
        }
        synchronized (scripted) {
            scripted.add(new Consent(label, Set.copyOf(accountIds), false));
        }
    }

    void denyConsentNext() {
        synchronized (scripted) {
            scripted.add(new Consent(null, null, true));
        }
    }

    /**
     * Takes the next consent for an authorize call: the code to send back, or empty when the user declined.
     * A label consented to before is granted again with the new accounts, keeping its tokens.
     */
    Optional<String> consent(String redirectUri, String challenge) {
        Consent consent;
        synchronized (scripted) {
            consent = scripted.poll();
        }
        if (consent == null) {
            consent = new Consent("consent-" + counter.incrementAndGet(), null, false);
        }
        if (consent.denied()) {
            return Optional.empty();
        }
        Consent granted = consent;
        grants.compute(granted.label(), (label, old) -> {
            FakeGrant grant = new FakeGrant(label, granted.accountIds(), old == null ? null : old.refreshToken());
            if (old != null) {
                old.accessTokens().forEach(grant::issued);
            }
            return grant;
        });
        String code = slug + "-code-" + counter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        codes.put(code, new IssuedCode(granted.label(), redirectUri, challenge));
        return Optional.of(code);
    }

    /**
     * Redeems a code once: it must be known, unused, unexpired, sent to the same redirect URI, and, when a
     * challenge came with it, proven by the S256 of {@code verifier}. A refused code is spent all the same,
     * as the platforms do.
     *
     * @param redirectUri the exchange's redirect URI; null where the platform's exchange does not carry one
     */
    Redeemed redeem(String code, String redirectUri, String verifier) {
        IssuedCode issued = code == null ? null : codes.get(code);
        if (issued == null) {
            return new Redeemed(null, Refusal.UNKNOWN_CODE);
        }
        synchronized (issued) {
            if (issued.used) {
                return new Redeemed(null, Refusal.USED_CODE);
            }
            issued.used = true;
        }
        if (issued.expired) {
            return new Redeemed(null, Refusal.EXPIRED_CODE);
        }
        if (redirectUri != null && !redirectUri.equals(issued.redirectUri)) {
            return new Redeemed(null, Refusal.REDIRECT_MISMATCH);
        }
        if (issued.challenge != null && (verifier == null || !issued.challenge.equals(s256(verifier)))) {
            return new Redeemed(null, Refusal.VERIFIER_MISMATCH);
        }
        return new Redeemed(grants.get(issued.grantLabel), null);
    }

    void expireCodes() {
        codes.values().forEach(code -> code.expired = true);
    }

    Optional<FakeGrant> grant(String label) {
        return Optional.ofNullable(grants.get(label));
    }

    java.util.List<FakeGrant> grants() {
        return java.util.List.copyOf(grants.values());
    }

    FakeGrant defaultGrant() {
        return grants.get(FakeGrant.DEFAULT_LABEL);
    }

    /** The grant holding {@code refreshToken} now, if any. */
    Optional<FakeGrant> grantOfRefreshToken(String refreshToken) {
        if (refreshToken == null) {
            return Optional.empty();
        }
        return grants.values().stream().filter(g -> refreshToken.equals(g.refreshToken())).findFirst();
    }

    /** The grant an access token was issued from; the default grant for a token this fake did not issue. */
    FakeGrant grantOfAccessToken(String accessToken) {
        String label = accessToken == null ? null : grantOfAccessToken.get(accessToken);
        return label == null ? defaultGrant() : grants.getOrDefault(label, defaultGrant());
    }

    void issued(FakeGrant grant, String accessToken) {
        grant.issued(accessToken);
        grantOfAccessToken.put(accessToken, grant.label());
    }

    String newRefreshToken() {
        return slug + "-refresh-" + counter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
