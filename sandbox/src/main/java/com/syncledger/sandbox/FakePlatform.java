package com.syncledger.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
    private volatile boolean refreshRevoked;
    private final FakeConsents consents;
    private HttpServer server;
    private ExecutorService executor;

    protected final FakeCredentials credentials;

    protected FakePlatform(String slug, int defaultPageSize) {
        this.slug = slug;
        this.pageSize = defaultPageSize;
        this.credentials = FakeCredentials.forPlatform(slug);
        this.consents = new FakeConsents(slug, credentials);
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

    /**
     * The platform's consent page, served at its documented path, or null when the fake serves none. A consent
     * needs no user here: it redirects at once with a code (or the scripted denial).
     */
    protected AuthorizeEndpoint authorizeEndpoint() {
        return null;
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

    // ---- grants ----

    /**
     * The next authorize call consents to a grant labelled {@code label} reaching {@code accountIds} (a label
     * consented to before is granted again with these accounts). Unscripted, a consent reaches every account.
     */
    public void consentNext(String label, Set<String> accountIds) {
        consents.consentNext(label, accountIds);
    }

    /** The next authorize call is declined: it redirects with {@code error=access_denied}. */
    public void denyConsentNext() {
        consents.denyConsentNext();
    }

    /** The grant labelled {@code label}; {@link FakeGrant#DEFAULT_LABEL} is the configured credentials'. */
    public Optional<FakeGrant> grant(String label) {
        return consents.grant(label);
    }

    /** Every grant, the default one included. */
    public List<FakeGrant> grants() {
        return consents.grants();
    }

    /** The grant {@code accessToken} was issued from (the default grant for one this fake never issued). */
    public FakeGrant grantOf(String accessToken) {
        return consents.grantOfAccessToken(accessToken);
    }

    /** Whether {@code accessToken}'s grant reaches {@code accountId}; data endpoints refuse the others. */
    public boolean reaches(String accessToken, String accountId) {
        return consents.grantOfAccessToken(accessToken).reaches(accountId);
    }

    /** Every authorization code handed out so far has expired (unused ones can no longer be exchanged). */
    public void expireAuthorizationCodes() {
        consents.expireCodes();
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
     * A standard token endpoint: checks the client (form fields or Basic header); a refresh-token grant issues a
     * new access token from the refresh token's grant and, when {@code rotate}, a new refresh token for it; an
     * authorization-code grant redeems the code (see {@link #serveCodeExchange}).
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
        String grantType = first(form, "grant_type");
        if (!"refresh_token".equals(grantType) && !"authorization_code".equals(grantType)) {
            call.json(400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        if (!credentials.clientId().equals(clientId) || !credentials.clientSecret().equals(clientSecret)) {
            call.json(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
            return;
        }
        if ("authorization_code".equals(grantType)) {
            serveCodeExchange(call, form, expiresInSeconds);
            return;
        }
        FakeGrant grant = refreshRevoked ? null : consents.grantOfRefreshToken(first(form, "refresh_token")).orElse(null);
        if (grant == null) {
            call.json(400, Map.of("error", "invalid_grant", "error_description", "Invalid refresh token"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issueAccessToken(grant));
        body.put("token_type", "bearer");
        body.put("expires_in", expiresInSeconds);
        if (rotate) {
            grant.refreshToken(consents.newRefreshToken());
            body.put("refresh_token", grant.refreshToken());
        }
        call.json(200, body);
    }

    /**
     * The authorization-code grant of a standard token endpoint, the client already checked: redeems
     * {@code code} for {@code redirect_uri} and {@code code_verifier}, and answers the grant's tokens, a new
     * refresh token included, with {@link #tokenAnswerExtras} (such as a refresh token's lifetime).
     */
    private void serveCodeExchange(Call call, Map<String, List<String>> form, long expiresInSeconds) {
        FakeConsents.Redeemed redeemed = redeemCode(first(form, "code"), first(form, "redirect_uri"),
                first(form, "code_verifier"));
        if (redeemed.grant() == null) {
            refuseCode(call, redeemed.refusal());
            return;
        }
        FakeGrant grant = redeemed.grant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issueAccessToken(grant));
        body.put("token_type", "bearer");
        body.put("expires_in", expiresInSeconds);
        body.put("refresh_token", newRefreshToken(grant));
        body.putAll(tokenAnswerExtras());
        call.json(200, body);
    }

    /** Fields a code exchange answers besides the tokens and {@code expires_in}, as the platform documents. */
    protected Map<String, Object> tokenAnswerExtras() {
        return Map.of();
    }

    /** How a standard token endpoint refuses a code: OAuth's {@code invalid_grant}. */
    protected void refuseCode(Call call, FakeConsents.Refusal refusal) {
        String description = switch (refusal) {
            case UNKNOWN_CODE -> "Invalid authorization code";
            case USED_CODE -> "Authorization code already used";
            case EXPIRED_CODE -> "Authorization code expired";
            case REDIRECT_MISMATCH -> "redirect_uri does not match the authorization request";
            case VERIFIER_MISMATCH -> "Invalid code verifier";
        };
        call.json(400, Map.of("error", "invalid_grant", "error_description", description));
    }

    /** Redeems an authorization code once (see {@link FakeConsents}); null arguments are not checked. */
    protected FakeConsents.Redeemed redeemCode(String code, String redirectUri, String verifier) {
        return consents.redeem(code, redirectUri == null ? "" : redirectUri, verifier);
    }

    /** Same as {@link #redeemCode} for a platform whose exchange carries no redirect URI (TikTok). */
    protected FakeConsents.Redeemed redeemCodeWithoutRedirect(String code) {
        return consents.redeem(code, null, null);
    }

    /** A new access token from {@code grant}, valid from now. */
    protected String issueAccessToken(FakeGrant grant) {
        String access = slug + "-access-" + tokenCounter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        accessTokens.put(access, TokenState.VALID);
        consents.issued(grant, access);
        return access;
    }

    /** A new refresh token for {@code grant}, replacing its old one. */
    protected String newRefreshToken(FakeGrant grant) {
        grant.refreshToken(consents.newRefreshToken());
        return grant.refreshToken();
    }

    /** The configured credentials' refresh token, currently valid (it changes when the platform rotates it). */
    public String currentRefreshToken() {
        return consents.defaultGrant().refreshToken();
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
            AuthorizeEndpoint authorize = authorizeEndpoint();
            if (authorize != null && authorize.serves(request.path())) {
                serveAuthorize(call, authorize);
                return;
            }
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

    /**
     * The consent page: checks the app and the redirect URI, takes the next scripted consent and redirects to
     * {@code redirect_uri} with the code and state, or with {@code error=access_denied} after a denial.
     */
    private void serveAuthorize(Call call, AuthorizeEndpoint endpoint) {
        if (!"GET".equals(call.method())) {
            call.json(405, Map.of("error", "method_not_allowed"));
            return;
        }
        String redirectUri = call.query("redirect_uri");
        if (!credentials.clientId().equals(call.query(endpoint.clientParam()))) {
            refuseAuthorizeClient(call);
            return;
        }
        if (redirectUri == null || !redirectUri.matches("https?://.+")) {
            call.json(400, Map.of("error", "invalid_request", "error_description", "redirect_uri is missing or invalid"));
            return;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        String responseType = call.query("response_type");
        String challenge = endpoint.pkce() ? call.query("code_challenge") : null;
        if (responseType != null && !"code".equals(responseType)) {
            answer.put("error", "unsupported_response_type");
        } else if (challenge != null && !"S256".equals(call.query("code_challenge_method"))) {
            answer.put("error", "invalid_request");
            answer.put("error_description", "code_challenge_method must be S256");
        } else {
            Optional<String> code = consents.consent(redirectUri, challenge);
            if (code.isEmpty()) {
                answer.put("error", "access_denied");
                answer.put("error_description", "The user denied the request");
            } else {
                endpoint.codeParams().forEach(name -> answer.put(name, code.get()));
            }
        }
        if (call.query("state") != null) {
            answer.put("state", call.query("state"));
        }
        String query = answer.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        call.respond(302, null, new byte[0], "Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + query);
    }

    /** How the consent page refuses an unknown app: an error page, not a redirect. */
    protected void refuseAuthorizeClient(Call call) {
        call.respond(400, "text/html; charset=UTF-8",
                "<html><body>Invalid client_id: this app is not registered.</body></html>".getBytes(StandardCharsets.UTF_8));
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
