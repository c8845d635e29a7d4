package com.syncledger.app.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the HTTP API answers with, each with a stable RFC 9457 {@code type} URI. Clients
 * branch on the type, never on the human-readable title or detail.
 */
public enum ProblemKind {
    INVALID_INPUT(400, "Invalid input"),
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    /** A statement cannot be issued yet: the problem's {@code gaps} say what is missing. */
    STATEMENT_NOT_SETTLED(409, "Statement not settled"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INTERNAL(500, "Internal error"),
    /** A platform connection was not made (bad or used state, the platform's refusal): the {@code reason} says why. */
    CONNECT_REFUSED(400, "Connection not made"),
    /** What the request needs is not set up on this server (e.g. a platform's client settings); nothing was done. */
    NOT_CONFIGURED(409, "Not configured");

    public static final String TYPE_BASE = "https://syncledger.dev/problems/";

    private final int status;
    private final String title;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** {@link #TYPE_BASE} and the kind's name in lower case with hyphens, e.g. {@code .../invalid-input}. */
    public URI type() {
        return URI.create(TYPE_BASE + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public String title() {
        return title;
    }

    public ProblemDetail problem(String detail) {
        return problem(HttpStatusCode.valueOf(status), detail);
    }

    /** A problem of this kind with another status of the same family (e.g. 503 as {@link #INTERNAL}). */
    public ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }

    /** The kind for an HTTP status raised by the framework or the servlet container. */
    public static ProblemKind forStatus(HttpStatusCode status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status.value() && kind != INVALID_INPUT && kind != STATEMENT_NOT_SETTLED) {
                return kind;
            }
        }
        return status.is4xxClientError() ? INVALID_REQUEST : INTERNAL;
    }
}
