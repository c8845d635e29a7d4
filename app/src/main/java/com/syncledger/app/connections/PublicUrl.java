package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where browsers reach this server, for the redirect URI registered with each platform:
 * {@code SYNCLEDGER_PUBLIC_URL}, by default {@code http://localhost:<port>} with the port the server listens on.
 */
@Component
public class PublicUrl {

    public static final String VARIABLE = "SYNCLEDGER_PUBLIC_URL";
    static final int DEFAULT_PORT = 8090;

    private final Env env;
    private final Environment spring;

    PublicUrl(Env env, Environment spring) {
        this.env = env;
        this.spring = spring;
    }

    /** {@code <public url>/connect/<platform>/callback}. */
    public URI callback(Platform platform) {
        return URI.create(base() + "/connect/" + platform.slug() + "/callback");
    }

    /** @throws IllegalArgumentException when {@code SYNCLEDGER_PUBLIC_URL} is not an absolute http(s) URL */
    String base() {
        return env.get(VARIABLE).map(String::strip).filter(value -> !value.isEmpty()).map(PublicUrl::validated)
                .orElseGet(() -> "http://localhost:" + port());
    }

    /** The port the server listens on; without a server (the CLI), the one it is configured to use. */
    private int port() {
        for (String property : new String[] {"local.server.port", "server.port"}) {
            Integer port = spring.getProperty(property, Integer.class);
            if (port != null && port > 0) {
                return port;
            }
        }
        return DEFAULT_PORT;
    }

    private static String validated(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL without query");
            }
            return value.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(VARIABLE + " must be an absolute http or https URL such as "
                    + "https://ledger.example.com, without query or fragment");
        }
    }
}
