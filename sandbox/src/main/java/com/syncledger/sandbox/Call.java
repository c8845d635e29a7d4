package com.syncledger.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One request to a fake and the means to answer it. */
public final class Call {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpExchange exchange;
    private final RecordedRequest request;
    private final Map<String, List<String>> query;
    private boolean answered;
    private int status;
    private byte[] answerBody = new byte[0];

    Call(HttpExchange exchange, RecordedRequest request) {
        this.exchange = exchange;
        this.request = request;
        this.query = decodeQuery(request.rawQuery());
    }

    public RecordedRequest request() {
        return request;
    }

    public String method() {
        return request.method();
    }

    public String path() {
        return request.path();
    }

    public String header(String name) {
        return request.header(name).orElse(null);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public String body() {
        return request.body();
    }

    /** The body as JSON; null when it is not JSON. */
    public JsonNode jsonBody() {
        try {
            return JSON.readTree(request.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body. */
    public Map<String, List<String>> formBody() {
        return decodeQuery(request.body());
    }

    public String bearerToken() {
        String auth = header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }

    public void json(int status, Object body, String... headerPairs) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        respond(status, "application/json", text.getBytes(StandardCharsets.UTF_8), headerPairs);
    }

    public void respond(int status, String contentType, byte[] body, String... headerPairs) {
        if (answered) {
            throw new IllegalStateException("already answered");
        }
        answered = true;
        this.status = status;
        this.answerBody = body;
        try {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            exchange.close();
        }
    }

    boolean answered() {
        return answered;
    }

    /** The status answered; 0 before the answer. */
    int status() {
        return status;
    }

    byte[] answerBody() {
        return answerBody;
    }

    static Map<String, List<String>> decodeQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
