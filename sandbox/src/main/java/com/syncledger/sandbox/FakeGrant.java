package com.syncledger.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One client's consent to the app: the accounts it reaches, its own refresh token and the access tokens issued
 * from it. The fake's configured credentials are the grant {@link #DEFAULT_LABEL}, which reaches every account.
 */
public final class FakeGrant {

    /** The label of the grant the fake's configured credentials belong to. */
    public static final String DEFAULT_LABEL = "default";

    private final String label;
    private final Set<String> accountIds;
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();
    private volatile String refreshToken;

    /** @param accountIds the accounts reached; null for every account */
    FakeGrant(String label, Set<String> accountIds, String refreshToken) {
        this.label = label;
        this.accountIds = accountIds == null ? null : Set.copyOf(accountIds);
        this.refreshToken = refreshToken;
    }

    public String label() {
        return label;
    }

    /** Whether this grant reaches every account (the configured credentials do). */
    public boolean reachesAll() {
        return accountIds == null;
    }

    /** The accounts reached; empty for a grant that reaches every account (see {@link #reachesAll}). */
    public Set<String> accountIds() {
        return accountIds == null ? Set.of() : accountIds;
    }

    public boolean reaches(String accountId) {
        return accountIds == null || accountIds.contains(accountId);
    }

    /** The refresh token currently valid for this grant (it changes when the platform rotates it). */
    public String refreshToken() {
        return refreshToken;
    }

    /** Every access token issued from this grant, oldest first. */
    public List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    /** The access token issued last, if any. */
    public Optional<String> latestAccessToken() {
        return accessTokens.isEmpty() ? Optional.empty() : Optional.of(accessTokens.get(accessTokens.size() - 1));
    }

    void refreshToken(String token) {
        this.refreshToken = token;
    }

    void issued(String accessToken) {
        accessTokens.add(accessToken);
    }

    @Override
    public String toString() {
        return "FakeGrant[" + label + ", " + (accountIds == null ? "all accounts" : accountIds) + "]";
    }
}
