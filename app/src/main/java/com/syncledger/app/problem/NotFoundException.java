package com.syncledger.app.problem;

/** The addressed resource does not exist (HTTP 404, CLI exit 2). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
