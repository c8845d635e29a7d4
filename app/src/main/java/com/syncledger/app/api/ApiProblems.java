package com.syncledger.app.api;

import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an RFC 9457 problem with a stable {@code type} per kind of problem. Nothing internal
 * (stack traces, SQL, class names) reaches a client.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://syncledger.dev/problems/";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", e.fields());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error while serving a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; the error was logged.");
    }

    /** Spring MVC's own errors (malformed JSON, unknown fields, wrong types, ...): same shape, no internals. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + (status.is4xxClientError() ? "invalid-request" : "internal")));
        problem.setTitle(status.is4xxClientError() ? "Invalid request" : "Internal error");
        problem.setDetail(clientSafeDetail(ex, status));
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String clientSafeDetail(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case org.springframework.http.converter.HttpMessageNotReadableException e ->
                    "The request body is not valid JSON of the expected shape (unknown fields are rejected).";
            case org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e ->
                    "Parameter '" + e.getName() + "' has an invalid value.";
            case org.springframework.web.bind.MissingServletRequestParameterException e ->
                    "Parameter '" + e.getParameterName() + "' is required.";
            default -> HttpStatus.valueOf(status.value()).getReasonPhrase();
        };
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
