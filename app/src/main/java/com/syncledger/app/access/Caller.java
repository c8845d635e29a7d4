package com.syncledger.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;

/**
 * Who made an API request, as the audit trail records it: the key's role and its fingerprint, {@code key:}
 * and the first 12 hex digits of the key's configured SHA-256 hash. The hash is configuration, not a secret,
 * so the fingerprint names a key without revealing it.
 */
public record Caller(Role role, String fingerprint) {

    /** The actor of writes made from the command line. */
    public static final String CLI = "cli";

    private static final String ATTRIBUTE = Caller.class.getName();

    static String fingerprint(byte[] hash) {
        return "key:" + HexFormat.of().formatHex(hash).substring(0, 12);
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /**
     * The caller the key check let through.
     *
     * @throws IllegalStateException when the request did not pass the key check (a public path)
     */
    public static Caller of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("the request passed no API key check");
    }

    @Override
    public String toString() {
        return fingerprint + " (" + role.slug() + ")";
    }
}
