package com.syncledger.connectors.wire;

/** Where a connector's access token comes from: a fixed token, or an {@link OAuthRefresher}. */
public interface AccessTokens {

    /** The token to send now. */
    Secret accessToken();

    /**
     * Forgets {@code rejected} after the platform refused it as expired.
     *
     * @return whether a fresh token can be had, so a second try makes sense
     */
    boolean invalidate(Secret rejected);

    /** A long-lived token without refresh (Meta, TikTok): a refused token stays refused. */
    static AccessTokens fixed(Secret token) {
        return new AccessTokens() {
            @Override
            public Secret accessToken() {
                return token;
            }

            @Override
            public boolean invalidate(Secret rejected) {
                return false;
            }

            @Override
            public String toString() {
                return "AccessTokens[fixed]";
            }
        };
    }
}
