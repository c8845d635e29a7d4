package com.syncledger.app.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The console's platforms page, with each platform's soonest connection end, and its credential check. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
record ConsolePlatformsController(PlatformsPage platforms, ConnectionsPage connections) {

    @GetMapping("/console/platforms")
    String platforms(Model model) {
        model.addAttribute("platforms", platforms.read());
        model.addAttribute("connectionExpiry", connections.soonestByPlatform());
        return "console/platforms";
    }

    /** Checks every platform's credentials now and shows the platforms with the results (no data is written). */
    @PostMapping("/console/platforms/check")
    String checkCredentials(Model model) {
        model.addAttribute("checks", platforms.checkCredentials());
        return platforms(model);
    }
}
