package com.syncledger.app.problem;

import java.io.IOException;

/** Thrown while reading a chunked request body that grows past the limit; answered with 413. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException() {
        super("request body too large");
    }
}
