package com.syncledger.app.problem;

/** The request contradicts what is already recorded (HTTP 409). */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
