package com.syncledger.app.access;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only paths served without an API key: health for orchestrators, and the API description with its
 * Swagger UI (the shape of the API, no data; the UI sends the key the user enters with every call it makes).
 * Everything else, including paths that do not exist, needs a key.
 */
final class PublicPaths {

    private static final Set<String> EXACT = Set.of(
            "/healthz",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/swagger-ui.html");

    private static final List<String> PREFIXES = List.of("/v3/api-docs", "/swagger-ui/");

    /** No dot segments, encoded characters or path parameters that could make a public prefix reach further. */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+/?");

    private PublicPaths() {
    }

    /** @param rawPath the request URI exactly as the client sent it, without the query string */
    static boolean isPublic(String rawPath) {
        if (EXACT.contains(rawPath)) {
            return true;
        }
        return PLAIN_PATH.matcher(rawPath).matches() && !rawPath.contains("..")
                && PREFIXES.stream().anyMatch(rawPath::startsWith);
    }
}
