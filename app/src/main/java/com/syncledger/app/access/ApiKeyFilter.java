package com.syncledger.app.access;

import com.syncledger.app.problem.ProblemKind;
import com.syncledger.app.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with {@code Authorization: Bearer <key>} for a configured key whose role
 * allows the method: {@code GET} and {@code HEAD} need {@code read}, every other method {@code write}, and
 * connecting a platform ({@link ConnectPaths}) {@code write} whatever the method.
 * Runs before anything else reads the request, so a refused request costs no work.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    /** Missing, malformed and unknown keys all get this same answer: nothing to learn from it. */
    static final String UNAUTHORIZED_DETAIL = "A valid API key is required: Authorization: Bearer <key>.";

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Console pages are guarded by the console's own sign-in session (see ConsolePaths).
        if (PublicPaths.isPublic(request.getRequestURI()) || ConsolePaths.isConsole(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        // Connecting a platform without a key: the console's gate asks for a signed-in session, or for a callback
        // leaves it to the signed state (see ConnectPaths).
        if (ConnectPaths.isConnect(request.getRequestURI()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            chain.doFilter(request, response);
            return;
        }
        Role needed = ConnectPaths.isConnect(request.getRequestURI()) ? Role.WRITE : needs(request.getMethod());
        Optional<Caller> caller = bearerKey(request).flatMap(keys::identify);
        Optional<Role> role = caller.map(Caller::role);
        if (role.isEmpty()) {
            log.info("refused {} {}: no valid API key", request.getMethod(), request.getRequestURI());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"syncledger\"");
            problems.write(request, response, ProblemKind.UNAUTHORIZED.problem(UNAUTHORIZED_DETAIL));
            return;
        }
        if (!role.get().allows(needed)) {
            log.info("refused {} {}: the key's role is {}, {} is needed", request.getMethod(),
                    request.getRequestURI(), role.get().slug(), needed.slug());
            problems.write(request, response, ProblemKind.FORBIDDEN.problem(
                    "This API key has the " + role.get().slug() + " role; " + request.getMethod()
                            + " needs the " + needed.slug() + " role."));
            return;
        }
        caller.get().attachTo(request);
        chain.doFilter(request, response);
    }

    static Role needs(String method) {
        return method.equals("GET") || method.equals("HEAD") ? Role.READ : Role.WRITE;
    }

    private static Optional<String> bearerKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
