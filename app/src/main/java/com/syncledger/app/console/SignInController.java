package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.Caller;
import com.syncledger.app.access.ConsolePaths;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with an API key, once: the key is checked like the API checks it, then forgotten; the session
 * keeps only the key's role and fingerprint. A new session is started on every sign-in, so an id planted
 * before it is worth nothing.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final ApiKeys keys;

    SignInController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping(ConsolePaths.SIGN_IN)
    String form() {
        return "console/sign-in";
    }

    @PostMapping(ConsolePaths.SIGN_IN)
    String signIn(@RequestParam(name = "apiKey", defaultValue = "") String apiKey, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Caller> caller = apiKey.isBlank() ? Optional.empty() : keys.identify(apiKey.strip());
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        if (caller.isEmpty()) {
            log.info("console sign-in refused: no valid API key");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("refused", true);
            return "console/sign-in";
        }
        ConsoleUser user = ConsoleUser.signedIn(caller.get());
        user.keepIn(request.getSession(true));
        log.info("console sign-in: {} ({})", user.fingerprint(), user.role().slug());
        return "redirect:" + ConsolePaths.OVERVIEW;
    }

    @PostMapping("/console/sign-out")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + ConsolePaths.SIGN_IN;
    }
}
