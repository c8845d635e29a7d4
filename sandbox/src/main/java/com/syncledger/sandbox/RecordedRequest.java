package com.syncledger.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request as a fake received it: {@code rawQuery} is exactly what came on the wire, undecoded. */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
        String body) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
