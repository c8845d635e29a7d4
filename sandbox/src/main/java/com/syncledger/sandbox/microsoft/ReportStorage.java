package com.syncledger.sandbox.microsoft;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.syncledger.sandbox.ExchangeRecorder;
import com.syncledger.sandbox.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The storage host the real service's {@code ReportDownloadUrl} points at (Azure blob storage with a
 * shared-access signature): a separate loopback server, so downloads are not API calls. Links expire
 * after {@link #LINK_LIFETIME}, as documented, and a request carrying an {@code Authorization} header is
 * refused: the link's signature is the only credential.
 */
final class ReportStorage implements AutoCloseable {

    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);
    private static final String PREFIX = "/reports/";

    private record Blob(byte[] content, String signature, Instant expires) {
    }

    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final ExchangeRecorder recorder = new ExchangeRecorder();
    private HttpServer server;
    private ExecutorService executor;

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }

    /** Stores {@code content} under {@code name} and returns a fresh signed link to it. */
    String publish(String name, byte[] content) {
        String signature = HexFormat.of().formatHex(randomBytes());
        Instant expires = Instant.now().plus(LINK_LIFETIME);
        blobs.put(name, new Blob(content, signature, expires));
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + name
                + "?sv=2023-11-03&sr=b&sp=r&se=" + URLEncoder.encode(expires.toString(), StandardCharsets.UTF_8)
                + "&sig=" + signature;
    }

    ExchangeRecorder recorder() {
        return recorder;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, query,
                    Map.copyOf(exchange.getRequestHeaders()), "");
            recorder.received(request);
            exchange.getResponseHeaders().set("x-ms-request-id", java.util.UUID.randomUUID().toString());
            if (!"GET".equals(exchange.getRequestMethod())) {
                error(exchange, request, 405, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.");
                return;
            }
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                error(exchange, request, 403, "AuthenticationFailed",
                        "Server failed to authenticate the request: an Authorization header is not valid with a SAS.");
                return;
            }
            Blob blob = path.startsWith(PREFIX) ? blobs.get(path.substring(PREFIX.length())) : null;
            if (blob == null) {
                error(exchange, request, 404, "BlobNotFound", "The specified blob does not exist.");
                return;
            }
            String signature = param(query, "sig");
            if (!blob.signature().equals(signature)) {
                error(exchange, request, 403, "AuthenticationFailed", "Signature did not match.");
                return;
            }
            if (Instant.now().isAfter(blob.expires())) {
                error(exchange, request, 403, "AuthenticationFailed", "Signed expiry time has passed.");
                return;
            }
            answer(exchange, request, 200, "application/octet-stream", blob.content());
        }
    }

    private void answer(HttpExchange exchange, RecordedRequest request, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        recorder.answered(baseUrl(), request, status, body);
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void error(HttpExchange exchange, RecordedRequest request, int status, String code, String message)
            throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        answer(exchange, request, status, "application/xml", body);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
