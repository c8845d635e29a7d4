package com.syncledger.app.connections;

import com.syncledger.app.database.TestApp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser going through a platform connection over real HTTP, redirects followed one by one: SyncLedger's
 * {@code /connect/{platform}}, the sandbox fake's consent page, and the callback it sends the browser back to.
 */
record ConnectBrowser(String base) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Reply(int status, String location, String body, String contentType) {
    }

    /** {@code GET /connect/{platform}} with the write key; the consent page the server redirected to. */
    URI start(String platform, String label, Long storeId) {
        StringBuilder path = new StringBuilder("/connect/" + platform + "?label="
                + URLEncoder.encode(label, StandardCharsets.UTF_8));
        if (storeId != null) {
            path.append("&store=").append(storeId);
        }
        Reply reply = get(URI.create(base + path), Map.of("Authorization", "Bearer " + TestApp.WRITE_KEY.key()));
        if (reply.status() != 302) {
            throw new AssertionError("connect did not redirect: " + reply.status() + " " + reply.body());
        }
        return URI.create(reply.location());
    }

    /** Opens the fake's consent page; the callback address it sends the browser back to. */
    URI consent(URI authorizeUrl) {
        Reply reply = get(authorizeUrl, Map.of());
        if (reply.status() != 302 && reply.status() != 303) {
            throw new AssertionError("the consent page did not redirect: " + reply.status() + " " + reply.body());
        }
        return URI.create(reply.location());
    }

    /** The callback as a browser sends it (no key, no session cookie), asking for {@code accept}. */
    Reply callback(URI callbackUrl, String accept) {
        return get(callbackUrl, Map.of("Accept", accept));
    }

    Reply get(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }

    static Map<String, String> query(URI url) {
        Map<String, String> values = new HashMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** {@code url} with query parameter {@code name} set to {@code value} (encoded). */
    static URI withParameter(URI url, String name, String value) {
        Map<String, String> values = query(url);
        values.put(name, value);
        StringBuilder query = new StringBuilder();
        values.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('?') < 0 ? s.length() : s.indexOf('?')) + "?" + query);
    }
}
