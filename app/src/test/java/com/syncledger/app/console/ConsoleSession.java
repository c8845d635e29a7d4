package com.syncledger.app.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A console client over plain HTTP, as a browser without JavaScript would be: a cookie, forms, redirects not followed. */
record ConsoleSession(String baseUrl, String cookie) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    static ConsoleSession anonymous(String baseUrl) {
        return new ConsoleSession(baseUrl, null);
    }

    /** Signs in with {@code key}; the session's cookie when accepted, the reply either way. */
    static HttpResponse<String> signIn(String baseUrl, String key) {
        return new ConsoleSession(baseUrl, null).post("/console/sign-in", Map.of("apiKey", key), baseUrl);
    }

    static ConsoleSession signedIn(String baseUrl, String key) {
        HttpResponse<String> reply = signIn(baseUrl, key);
        if (reply.statusCode() != 302) {
            throw new AssertionError("sign-in refused: " + reply.statusCode());
        }
        return new ConsoleSession(baseUrl, sessionCookie(reply));
    }

    static String sessionCookie(HttpResponse<String> reply) {
        String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    /** A form post sent with {@code origin} as its Origin header (null: none). */
    HttpResponse<String> post(String path, Map<String, String> form, String origin) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** The form token of a page this session was served. */
    String formToken(String pagePath) {
        Matcher m = FORM_TOKEN.matcher(get(pagePath).body());
        if (!m.find()) {
            throw new AssertionError("no form token on " + pagePath);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("console request failed", e);
        }
    }
}
