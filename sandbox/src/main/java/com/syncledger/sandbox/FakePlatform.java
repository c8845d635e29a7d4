package com.syncledger.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Base of every fake platform: an HTTP server on loopback that records each request, applies scripted
 * faults and latency, keeps the ground-truth accounts and the OAuth tokens it has issued, and hands the
 * request to the platform's own wire protocol in {@link #serve(Call)}.
 */
public abstract class FakePlatform implements AutoCloseable {

    /** What a fake knows about a token it was shown. */
    public enum TokenState { VALID, EXPIRED, REVOKED, UNKNOWN }

    private final String slug;
    private final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
    private final ExchangeRecorder recorder = new ExchangeRecorder();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, TokenState> accessTokens = new ConcurrentHashMap<>();
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicLong tokenCounter = new AtomicLong();
    private volatile Duration latency = Duration.ZERO;
    private volatile int pageSize;
    private volatile String refreshToken;
    private volatile boolean refreshRevoked;
    private HttpServer server;
    private ExecutorService executor;

    protected final FakeCredentials credentials;

    protected FakePlatform(String slug, int defaultPageSize) {
        this.slug = slug;
        this.pageSize = defaultPageSize;
        this.credentials = FakeCredentials.forPlatform(slug);
        this.refreshToken = credentials.refreshToken();
        accessTokens.put(credentials.accessToken(), TokenState.VALID);
    }

    /** Answers one request in the platform's wire protocol. Faults and recording are already handled. */
    protected abstract void serve(Call call);

    /** Answers with the platform's own rendering of a scripted fault. */
    protected abstract void fail(Call call, Fault fault);

    /** Environment variables that point SyncLedger at this fake with working credentials. */
    public abstract Map<String, String> environment();

    /** The path of this fake's OAuth token endpoint, or null when the platform has none. */
    protected String tokenPath() {
        return "/oauth2/token";
    }

    public final String slug() {
        return slug;
    }

    public synchronized FakePlatform start() {
        if (server != null) {
            return this;
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
        return this;
    }

    public URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException(slug + " fake is not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String tokenUrl() {
        return baseUrl() + tokenPath();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }

    // ---- ground truth ----

    public FakeAccount addAccount(FakeAccount account) {
        accounts.put(account.id(), account);
        return account;
    }

    public Optional<FakeAccount> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Map<String, FakeAccount> accounts() {
        return Map.copyOf(accounts);
    }

    public FakeCredentials credentials() {
        return credentials;
    }

    // ---- scripting ----

    /** The next {@code count} requests (token requests excepted) answer with {@code fault}. */
    public void failNext(Fault fault, int count) {
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.add(fault);
            }
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Every access token issued so far is now expired; a refresh issues a fresh one. */
    public void expireAccessTokens() {
        accessTokens.replaceAll((token, state) -> state == TokenState.VALID ? TokenState.EXPIRED : state);
    }

    /** The user revoked the app: every access token and the refresh token stop working. */
    public void revokeTokens() {
        accessTokens.replaceAll((token, state) -> TokenState.REVOKED);
        refreshRevoked = true;
    }

    /** Every answer waits this long first (for benchmarks of concurrency). */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    public void pageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    /**
     * Keeps only the last {@code count} requests: a long-running sandbox (the demo syncs every few seconds to
     * minutes for as long as it runs) must not grow with every request it answers. Tests keep them all.
     */
    public void recordAtMost(int count) {
        recorder.keepAtMost(count);
    }

    /** The requests this fake answered, oldest first (the most recent ones, after {@link #recordAtMost}). */
    public List<RecordedRequest> requests() {
        return recorder.requests();
    }

    /** The requests this fake answered, with the answers; empty unless {@link #recordAnswers} is on. */
    public List<RecordedExchange> exchanges() {
        return recorder.exchanges();
    }

    public void clearRequests() {
        recorder.clear();
    }

    /** Whether requests are recorded (on by default); off for long runs that never read them. */
    public void recordRequests(boolean on) {
        recorder.recordRequests(on);
    }

    /** Whether answers are recorded with the requests (off by default), for benchmarks that replay them. */
    public void recordAnswers(boolean on) {
        recorder.recordAnswers(on);
    }

    // ---- helpers for subclasses ----

    public TokenState tokenState(String token) {
        return token == null ? TokenState.UNKNOWN : accessTokens.getOrDefault(token, TokenState.UNKNOWN);
    }

    /** A deterministic request id in this platform's style. */
    protected String nextRequestId() {
        return slug + "-req-" + String.format("%08d", requestCounter.incrementAndGet());
    }

    /**
     * A standard refresh-token grant: checks the client (form fields or Basic header) and the refresh
     * token, issues a new access token and, when {@code rotate}, a new refresh token.
     */
    protected void serveTokenRefresh(Call call, boolean rotate, long expiresInSeconds) {
        Map<String, List<String>> form = call.formBody();
        String clientId = first(form, "client_id");
        String clientSecret = first(form, "client_secret");
        String basic = call.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            clientId = colon < 0 ? pair : pair.substring(0, colon);
            clientSecret = colon < 0 ? "" : pair.substring(colon + 1);
        }
        if (!"refresh_token".equals(first(form, "grant_type"))) {
            call.json(400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        if (!credentials.clientId().equals(clientId) || !credentials.clientSecret().equals(clientSecret)) {
            call.json(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
            return;
        }
        if (refreshRevoked || !refreshToken.equals(first(form, "refresh_token"))) {
            call.json(400, Map.of("error", "invalid_grant", "error_description", "Invalid refresh token"));
            return;
        }
        String access = slug + "-access-" + tokenCounter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        accessTokens.put(access, TokenState.VALID);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "bearer");
        body.put("expires_in", expiresInSeconds);
        if (rotate) {
            refreshToken = slug + "-refresh-" + tokenCounter.incrementAndGet();
            body.put("refresh_token", refreshToken);
        }
        call.json(200, body);
    }

    /** The refresh token currently valid (it changes when the platform rotates it). */
    public String currentRefreshToken() {
        return refreshToken;
    }

    protected static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        recorder.received(request);
        Call call = new Call(exchange, request);
        try {
            sleep(latency);
            Fault fault = request.path().equals(tokenPath()) ? null : nextFault();
            if (fault != null) {
                fail(call, fault);
            } else {
                serve(call);
            }
        } catch (RuntimeException e) {
            if (!call.answered()) {
                call.json(500, Map.of("sandbox_error", String.valueOf(e.getMessage())));
            }
            throw e;
        } finally {
            if (!call.answered()) {
                call.json(404, Map.of("error", "no route for " + request.method() + " " + request.path()));
            }
            recorder.answered(baseUrl(), request, call.status(), call.answerBody());
        }
    }

    private Fault nextFault() {
        synchronized (faults) {
            return faults.poll();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
