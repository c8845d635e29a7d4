package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.Platform;

/**
 * Whether a platform's configured credentials work, as one cheap authenticated call found.
 *
 * @param error the platform's own error when {@code status} is FAILED, else null
 * @param note  why nothing was checked when {@code status} is UNCHECKED, else null
 */
public record CredentialCheck(Platform platform, Status status, FetchError error, String note) {

    public enum Status { OK, FAILED, NOT_CONFIGURED, UNCHECKED }

    /** One line for people: {@code OK}, or what failed with the platform's own code and request id. */
    public String describe() {
        return switch (status) {
            case OK -> "OK";
            case NOT_CONFIGURED -> "not configured";
            case UNCHECKED -> "not checked: " + note;
            case FAILED -> "FAILED " + error.kind().slug() + (error.platformCode() != null ? " (code "
                    + error.platformCode() + ")" : "") + ": " + error.message()
                    + (error.requestId() != null ? " [request " + error.requestId() + "]" : "");
        };
    }

    static CredentialCheck ok(Platform platform) {
        return new CredentialCheck(platform, Status.OK, null, null);
    }

    static CredentialCheck failed(Platform platform, FetchError error) {
        return new CredentialCheck(platform, Status.FAILED, error, null);
    }

    static CredentialCheck notConfigured(Platform platform) {
        return new CredentialCheck(platform, Status.NOT_CONFIGURED, null, null);
    }

    static CredentialCheck unchecked(Platform platform, String note) {
        return new CredentialCheck(platform, Status.UNCHECKED, null, note);
    }
}
