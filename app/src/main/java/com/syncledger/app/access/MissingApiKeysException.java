package com.syncledger.app.access;

/** The HTTP server was asked to start with no API key configured. */
public final class MissingApiKeysException extends IllegalStateException {

    public MissingApiKeysException() {
        super("no API key is configured, so the HTTP API would refuse every request: create one with "
                + "`./syncledger apikey create --role write` and add the printed entry to " + ApiKeys.VARIABLE);
    }
}
