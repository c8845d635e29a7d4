package com.syncledger.app.api;

import jakarta.servlet.http.HttpServletRequest;

/** Who made a request, for the billing audit trail. */
final class Callers {

    static final String ATTRIBUTE = "syncledger.caller";

    private Callers() {
    }

    static String of(HttpServletRequest request) {
        Object caller = request.getAttribute(ATTRIBUTE);
        return caller == null ? "api" : caller.toString();
    }
}
