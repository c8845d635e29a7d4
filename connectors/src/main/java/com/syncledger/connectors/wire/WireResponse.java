package com.syncledger.connectors.wire;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP answer, fully read. */
public record WireResponse(int status, HttpHeaders headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The first of the named headers present (platforms spell their request-id header several ways). */
    public String firstHeader(String... names) {
        for (String name : names) {
            Optional<String> value = headers.firstValue(name);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
