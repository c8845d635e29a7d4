package com.syncledger.app.console;

import jakarta.servlet.http.HttpServletRequest;

/** The console's writes need the write role, as the API's do. */
final class WriteRole {

    /** Raised for a read-role session that posts a write; answered 403 by {@link ConsoleAdvice}. */
    static final class RequiredException extends RuntimeException {
        RequiredException() {
            super("This key has the read role; changing links needs the write role.");
        }
    }

    private WriteRole() {
    }

    static void require(HttpServletRequest request) {
        if (!ConsoleUser.of(request).map(ConsoleUser::canWrite).orElse(false)) {
            throw new RequiredException();
        }
    }
}
