package com.syncledger.sandbox;

/**
 * The credentials a fake accepts. Distinctive values, so tests can scan everything SyncLedger printed or
 * served for them.
 */
public record FakeCredentials(String clientId, String clientSecret, String refreshToken, String accessToken,
        String developerToken) {

    public static FakeCredentials forPlatform(String slug) {
        return new FakeCredentials(
                slug + "-client-id",
                slug + "-client-SECRET-9f3c1e",
                slug + "-refresh-TOKEN-5b7d2a",
                slug + "-access-TOKEN-0c4e8f",
                slug + "-developer-TOKEN-a1b2c3");
    }
}
