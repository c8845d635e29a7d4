package com.syncledger.app.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny client for API tests over real HTTP; sends {@code Authorization: Bearer <apiKey>} when a key is set. */
public record Http(String baseUrl, String apiKey) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A status, the response headers and the body, parsed when it is JSON. */
    public record Reply(int status, String contentType, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** The same server with another key (null: none). */
    public Http withKey(String key) {
        return new Http(baseUrl, key);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply send(String method, String path, String json) {
        return send(method, path, json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    /** Any request: {@code headers} are sent as given, after the API key's Authorization header, if any. */
    public Reply send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
        if (apiKey != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
