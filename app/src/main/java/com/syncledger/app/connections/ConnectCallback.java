package com.syncledger.app.connections;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform sends the browser back with: {@code code} and {@code state}, or {@code error} (with an optional
 * {@code error_description}) when the authorization was not given. Values may be null when absent.
 */
public record ConnectCallback(String code, String state, String error, String errorDescription) {

    private static final Pattern CALLBACK_PATH = Pattern.compile(".*/connect/([a-z]+)/callback/?");

    /** The callback's values as a headless user copied them from the browser's address bar. */
    public static ConnectCallback fromUrl(URI url) {
        Map<String, String> query = query(url);
        return new ConnectCallback(query.get("code"), query.get("state"), query.get("error"),
                query.get("error_description"));
    }

    /** The platform slug in a callback URL's path, if it is one. */
    public static Optional<String> platformOf(URI url) {
        Matcher m = CALLBACK_PATH.matcher(url.getRawPath() == null ? "" : url.getRawPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new HashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    @Override
    public String toString() {
        return "ConnectCallback[" + (error != null ? "error " + error : "code ****") + "]";
    }
}
