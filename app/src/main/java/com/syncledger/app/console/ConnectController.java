package com.syncledger.app.console;

import com.syncledger.app.access.Caller;
import com.syncledger.app.connections.ConnectCallback;
import com.syncledger.app.connections.ConnectException;
import com.syncledger.app.connections.ConnectFlow;
import com.syncledger.app.connections.ConnectStart;
import com.syncledger.app.connections.Connected;
import com.syncledger.app.connections.ConnectedJson;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.app.problem.ProblemKind;
import com.syncledger.app.problem.ProblemWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connecting a client's own platform authorization: {@code GET /connect/{platform}} sends the user to the
 * platform's consent page, {@code GET /connect/{platform}/callback} takes them back, stores the connection and
 * offers to link the accounts it reaches. Browsers get console pages; API clients ({@code Accept:
 * application/json}) get JSON and problems. The write role is checked at the door (ApiKeyFilter, ConsoleGate).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class ConnectController {

    private final ConnectFlow flow;
    private final Stores stores;
    private final ProblemWriter problems;
    private final JsonMapper json;

    ConnectController(ConnectFlow flow, Stores stores, ProblemWriter problems, JsonMapper json) {
        this.flow = flow;
        this.stores = stores;
        this.problems = problems;
        this.json = json;
    }

    @GetMapping("/connect/{platform}")
    ModelAndView start(@PathVariable String platform, @RequestParam(required = false) String label,
            @RequestParam(required = false) Long store, HttpServletRequest request) {
        ConnectStart started = flow.start(platform, label, store, actor(request));
        RedirectView redirect = new RedirectView(started.authorizeUrl().toString());
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        redirect.setStatusCode(HttpStatus.FOUND);
        return new ModelAndView(redirect);
    }

    @GetMapping("/connect/{platform}/callback")
    ModelAndView callback(@PathVariable String platform, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            HttpServletRequest request) {
        Connected connected = flow.complete(platform, new ConnectCallback(code, state, error, errorDescription));
        if (ContentChoice.wantsJson(request)) {
            return new ModelAndView(new JsonView(json, ConnectedJson.of(connected)));
        }
        ModelAndView page = new ModelAndView("console/connected");
        page.addObject("connected", connected);
        page.addObject("title", connected.connection().platform().displayName() + " connected");
        // The platform may send back the client's own browser (a consent link sent to the client), which has no
        // console session: the agency's stores are listed only to a signed-in user.
        ConsoleUser.of(request).ifPresent(user -> {
            page.addObject("user", user);
            page.addObject("stores", stores.list(0, 1000));
        });
        return page;
    }

    /** Who started it, for the state row: the API key's fingerprint, or the signed-in console user's. */
    private static String actor(HttpServletRequest request) {
        try {
            return Caller.of(request).fingerprint();
        } catch (IllegalStateException noKey) {
            return ConsoleUser.of(request).map(ConsoleUser::fingerprint).orElse("console");
        }
    }

    // Handled here, before ConsoleAdvice (which would answer every client with a page): API clients get problems.

    @ExceptionHandler(ConnectException.class)
    ModelAndView refused(ConnectException e, HttpServletRequest request) {
        ProblemDetail problem = e.problemKind().problem(e.getMessage());
        e.problemProperties().forEach(problem::setProperty);
        return failure(request, problem, e.problemKind() == ProblemKind.NOT_CONFIGURED ? "Not set up" : "Not connected");
    }

    @ExceptionHandler({InvalidInputException.class, TypeMismatchException.class})
    ModelAndView invalid(Exception e, HttpServletRequest request) {
        String detail = e instanceof InvalidInputException ? e.getMessage()
                : "A value in the address is not in the expected form.";
        return failure(request, ProblemKind.INVALID_INPUT.problem(detail), "Invalid input");
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return failure(request, ProblemKind.NOT_FOUND.problem(e.getMessage()), "Not found");
    }

    @ExceptionHandler({ConflictException.class, IllegalArgumentException.class})
    ModelAndView conflict(RuntimeException e, HttpServletRequest request) {
        // An IllegalArgumentException here is a setting the operator must fix (e.g. SYNCLEDGER_PUBLIC_URL, the key).
        return failure(request, ProblemKind.NOT_CONFIGURED.problem(e.getMessage()), "Not set up");
    }

    private ModelAndView failure(HttpServletRequest request, ProblemDetail problem, String title) {
        if (!ContentChoice.wantsPage(request)) {
            return new ModelAndView((model, req, response) -> problems.write(req, response, problem));
        }
        ModelAndView page = new ModelAndView("console/problem", HttpStatus.valueOf(problem.getStatus()));
        page.addObject("status", problem.getStatus());
        page.addObject("title", title);
        page.addObject("detail", problem.getDetail());
        ConsoleUser.of(request).ifPresent(user -> page.addObject("user", user));
        return page;
    }

    /** What the client asked for: browsers send {@code text/html} first, API clients {@code application/json}. */
    static final class ContentChoice {

        private ContentChoice() {
        }

        static boolean wantsJson(HttpServletRequest request) {
            String accept = accept(request);
            return accept.contains("application/json") && !accept.contains("text/html");
        }

        /** A failure is a page for browsers, a problem for everyone else (API clients, scripts, curl). */
        static boolean wantsPage(HttpServletRequest request) {
            return accept(request).contains("text/html");
        }

        private static String accept(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Writes one JSON document, for the callback's answer to API clients. */
    private record JsonView(JsonMapper json, Map<String, Object> body) implements org.springframework.web.servlet.View {

        @Override
        public String getContentType() {
            return "application/json";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws Exception {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        }
    }
}
