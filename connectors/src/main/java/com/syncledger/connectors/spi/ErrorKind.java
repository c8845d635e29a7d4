package com.syncledger.connectors.spi;

import java.util.Locale;

/** The kinds of connector failure. The slug appears in CLI output, the API and metric tags. */
public enum ErrorKind {
    AUTH, PERMISSION, RATE_LIMITED, TRANSIENT, TIMEOUT, INVALID_REQUEST, NOT_FOUND, BAD_RESPONSE;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
