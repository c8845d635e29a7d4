package com.syncledger.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a fake received it: {@code rawQuery} is exactly what came on the wire, undecoded;
 * {@code receivedAt} when it arrived, to count requests per window of a platform's limit.
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
        String body, Instant receivedAt) {

    /** A request received now. */
    public RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
            String body) {
        this(method, path, rawQuery, headers, body, Instant.now());
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
