package com.syncledger.app.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: errors that never reached Spring MVC's exception handling (the servlet
 * container's own, or a filter's) are answered as problems too, from the status alone. The exception and
 * its message are deliberately never looked at.
 */
@Hidden
@RestController
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer c && c >= 400 && c < 600
                ? HttpStatusCode.valueOf(c) : HttpStatus.NOT_FOUND;
        ProblemKind kind = ProblemKind.forStatus(status);
        ProblemDetail problem = kind.problem(status, reason(status));
        problem.setInstance(instance(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static URI instance(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                return URI.create(path);
            } catch (IllegalArgumentException notAUri) {
                return null;
            }
        }
        return null;
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "The request could not be completed." : known.getReasonPhrase() + ".";
    }
}
