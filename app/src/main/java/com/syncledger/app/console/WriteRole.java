package com.syncledger.app.console;

import jakarta.servlet.http.HttpServletRequest;

/** The console's writes need the write role, as the API's do. */
final class WriteRole {

    /** Raised for a read-role session that posts a write; answered 403 by {@link ConsoleAdvice}. */
    static final class RequiredException extends RuntimeException {
        RequiredException(String what) {
            super("This key has the read role; " + what + " needs the write role.");
        }
    }

    private WriteRole() {
    }

    static void require(HttpServletRequest request) {
        require(request, "changing links");
    }

    /** @param what the refused change, for the page: "revoking a connection" */
    static void require(HttpServletRequest request, String what) {
        if (!ConsoleUser.of(request).map(ConsoleUser::canWrite).orElse(false)) {
            throw new RequiredException(what);
        }
    }
}
