package com.syncledger.sandbox;

/** A scripted failure a fake answers with instead of serving the next request. */
public enum Fault {
    /** The platform's own throttling signal (status, body and retry hint as the real API sends them). */
    THROTTLE,
    /** A 5xx server error in the platform's envelope. */
    SERVER_ERROR,
    /** A success status with a body that is not what the API documents. */
    MALFORMED
}
