package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For the console's controllers only: the signed-in user in every page's model (its role decides which
 * forms show, its form token goes into every form) with the navigation's count of connections needing attention,
 * and failures as pages, never as stack traces.
 * Ordered before the API's problem handlers, which keep answering the API.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final ConnectionsPage connections;

    ConsoleAdvice(ConnectionsPage connections) {
        this.connections = connections;
    }

    /** The signed-in user, and how many connections are expiring or expired for the navigation's badge. */
    @ModelAttribute
    void signedInUser(HttpServletRequest request, Model model) {
        ConsoleUser.of(request).ifPresent(user -> {
            model.addAttribute("user", user);
            model.addAttribute("connectionsNeedingAttention", connections.needingAttention());
        });
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(request, response, model, HttpServletResponse.SC_NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({InvalidInputException.class, IllegalArgumentException.class})
    String invalid(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(request, response, model, HttpServletResponse.SC_BAD_REQUEST, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(TypeMismatchException.class)
    String malformed(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(request, response, model, HttpServletResponse.SC_BAD_REQUEST, "Invalid input",
                "A value in the address is not in the expected form.");
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return problem(request, response, model, HttpServletResponse.SC_CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(WriteRole.RequiredException.class)
    String forbidden(WriteRole.RequiredException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        log.info("console refused {} {}: the session's role is read", request.getMethod(), request.getRequestURI());
        return problem(request, response, model, HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("console page {} failed", request.getRequestURI(), e);
        return problem(request, response, model, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong",
                "The failure was logged.");
    }

    private static String problem(HttpServletRequest request, HttpServletResponse response, Model model, int status,
            String title, String detail) {
        response.setStatus(status);
        ConsoleUser.of(request).ifPresent(user -> model.addAttribute("user", user));
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "console/problem";
    }
}
