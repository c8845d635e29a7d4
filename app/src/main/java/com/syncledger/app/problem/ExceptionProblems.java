package com.syncledger.app.problem;

import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error is an RFC 9457 problem with a stable {@code type} per kind of problem (see {@link ProblemKind}).
 * Nothing internal (stack traces, SQL, class names, exception messages from libraries) reaches a client:
 * details are written here, or come from our own validation.
 */
@RestControllerAdvice
class ExceptionProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ExceptionProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemKind.INVALID_INPUT.problem(e.getMessage());
        problem.setProperty("errors", e.fields());
        return problem;
    }

    /** Our own validation throws {@link InvalidInputException}; any other message is not meant for clients. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        log.info("request refused as invalid: {}", e.getMessage());
        return ProblemKind.INVALID_INPUT.problem("The request has an invalid value.");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemKind.NOT_FOUND.problem(e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemKind.CONFLICT.problem(e.getMessage());
    }

    /** An exception of another module that shapes its own problem (e.g. a refused statement with its gaps). */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail shaped(ProblemException e) {
        ProblemDetail problem = e.problemKind().problem(e.getMessage());
        e.problemProperties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error while serving a request", e);
        return ProblemKind.INTERNAL.problem("The request could not be completed; the error was logged.");
    }

    /**
     * Spring MVC's own errors (malformed JSON, unknown fields, wrong types, unknown paths, wrong method or
     * content type, ...): the same shape, a type per status, field-level {@code errors} where a field is known.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof HttpMessageNotReadableException && causedBy(ex, BodyTooLargeException.class)) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        ProblemDetail problem = kind.problem(status, clientSafeDetail(ex, status));
        Map<String, String> errors = fieldErrors(ex);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (status.is5xxServerError()) {
            log.error("error while serving a request", ex);
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String clientSafeDetail(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case HttpMessageNotReadableException e when causedBy(e, BodyTooLargeException.class) ->
                    "The request body is too large.";
            case HttpMessageNotReadableException e when e.getCause() == null ->
                    "A JSON request body is required.";
            case HttpMessageNotReadableException e when e.getCause() instanceof UnrecognizedPropertyException ->
                    "The request body has a field this endpoint does not know; unknown fields are rejected.";
            case HttpMessageNotReadableException e when e.getCause() instanceof MismatchedInputException m
                    && !m.getPath().isEmpty() -> "A field of the request body has the wrong type.";
            case HttpMessageNotReadableException e ->
                    "The request body is not a JSON object of the expected shape.";
            case MethodArgumentTypeMismatchException e -> "Parameter '" + e.getName() + "' has an invalid value.";
            case MissingServletRequestParameterException e -> "Parameter '" + e.getParameterName() + "' is required.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "The request could not be completed." : known.getReasonPhrase() + ".";
            }
        };
    }

    private static Map<String, String> fieldErrors(Exception ex) {
        return switch (ex) {
            case MethodArgumentTypeMismatchException e -> Map.of(e.getName(), "has an invalid value");
            case MissingServletRequestParameterException e -> Map.of(e.getParameterName(), "is required");
            case HttpMessageNotReadableException e when e.getCause() instanceof UnrecognizedPropertyException u ->
                    Map.of(u.getPropertyName(), "is not a known field");
            case HttpMessageNotReadableException e when e.getCause() instanceof MismatchedInputException m
                    && !m.getPath().isEmpty() -> Map.of(path(m), "has the wrong type");
            default -> Map.of();
        };
    }

    /** The field's path in the body, e.g. {@code name} or {@code items[2].amount}. */
    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
