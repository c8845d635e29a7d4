package com.syncledger.app.fetch;

import java.util.Locale;

/** The outcome of fetching one account. Only {@link #OK} carries spend. */
public enum FetchStatus {
    /** Every day of the range came from the platform. */
    OK,
    /** The platform (or the way to it) failed; the error says how. No spend, not even zero. */
    FAILED,
    /** No credentials for the platform, or no connector for it: nothing was asked. */
    NOT_CONFIGURED;

    /** {@code ok}, {@code failed}, {@code not_configured}: the form in CLI and JSON output. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
