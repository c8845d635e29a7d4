package com.syncledger.app.console;

import com.syncledger.app.access.ConnectPaths;
import com.syncledger.app.access.ConsolePaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's door, for console paths and for connecting a platform from a browser (the API has its own key
 * check): every page but sign-in and the connect callback needs
 * a signed-in session; every POST must come from the console's own origin and, once signed in, carry the
 * session's form token. Also sets the headers that keep the pages out of frames, caches and inline scripts.
 */
final class ConsoleGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ConsoleGate.class);

    static final String FORM_TOKEN = "formToken";

    /** Scripts and styles from this server only; no inline script, no framing, forms post only here. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !ConsolePaths.isConsole(path) && !connectByBrowser(request);
    }

    /** Connecting a platform without an API key (which the key check handles): a browser, guarded here. */
    private static boolean connectByBrowser(HttpServletRequest request) {
        return ConnectPaths.isConnect(request.getRequestURI()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ConsolePaths.isStaticAsset(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        boolean post = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        if (post && !SameOrigin.check(request)) {
            log.info("console refused {} {}: posted from another origin", request.getMethod(), path);
            refuse(response, "This form was not posted from the console's own pages.");
            return;
        }
        // The platform sends the browser back cross-site, so without the Strict session cookie: the callback's
        // signed, single-use state authorizes it instead.
        if (path.equals(ConsolePaths.SIGN_IN) || ConnectPaths.isCallback(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleUser> user = ConsoleUser.of(request);
        if (user.isEmpty()) {
            if (post) {
                refuse(response, "Sign in first.");
            } else {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", ConsolePaths.SIGN_IN);
            }
            return;
        }
        if (ConnectPaths.isStart(path) && !user.get().canWrite()) {
            log.info("console refused {} {}: the session's role is read", request.getMethod(), path);
            refuse(response, "This key has the read role; connecting a platform needs the write role.");
            return;
        }
        if (post && !carriesFormToken(request, user.get())) {
            log.info("console refused {} {}: the form token is missing or wrong", request.getMethod(), path);
            refuse(response, "This form has expired or did not come from the console; reload the page and try again.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesFormToken(HttpServletRequest request, ConsoleUser user) {
        String sent = request.getParameter(FORM_TOKEN);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                user.formToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, String why) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Refused. " + why + "\n");
    }
}
