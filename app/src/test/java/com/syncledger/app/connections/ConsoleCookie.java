package com.syncledger.app.connections;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Signs in to the console over HTTP as a browser would, for the session cookie. */
final class ConsoleCookie {

    private ConsoleCookie() {
    }

    static String of(String base, String key) {
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                            + "/console/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 302) {
                throw new AssertionError("sign-in refused: " + reply.statusCode());
            }
            String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
            return setCookie.substring(0, setCookie.indexOf(';'));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
