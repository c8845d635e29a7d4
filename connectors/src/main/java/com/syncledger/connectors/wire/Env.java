package com.syncledger.connectors.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Where connector settings come from: the process environment, a {@code .env} file, or a map in tests. */
@FunctionalInterface
public interface Env {

    /** The raw value of {@code name}, or null when unset. */
    String raw(String name);

    default Optional<String> get(String name) {
        String value = raw(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    default String getOrDefault(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    default boolean has(String name) {
        return get(name).isPresent();
    }

    default Secret secret(String name) {
        return Secret.ofNullable(raw(name));
    }

    /**
     * A base or token URL setting: the value of {@code name}, or {@code fallback} when unset, without trailing
     * slashes (paths are appended to it). Checked here so a typo fails at start-up, naming its variable.
     *
     * @throws IllegalArgumentException when the value is not an absolute http(s) URL
     */
    default URI url(String name, String fallback) {
        String value = getOrDefault(name, fallback);
        String trimmed = value.replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be an absolute http(s) URL such as " + fallback + ", got '" + value + "'");
    }

    static Env of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }

    static Env system() {
        return System::getenv;
    }

    /** Values of {@code this}, falling back to {@code other} where unset. */
    default Env orElse(Env other) {
        return name -> get(name).isPresent() ? raw(name) : other.raw(name);
    }
}
