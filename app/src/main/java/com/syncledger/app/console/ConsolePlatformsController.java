package com.syncledger.app.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The console's platforms page and its credential check. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class ConsolePlatformsController {

    private final PlatformsPage platforms;

    ConsolePlatformsController(PlatformsPage platforms) {
        this.platforms = platforms;
    }

    @GetMapping("/console/platforms")
    String platforms(Model model) {
        model.addAttribute("platforms", platforms.read());
        return "console/platforms";
    }

    /** Checks every platform's credentials now and shows the platforms with the results (no data is written). */
    @PostMapping("/console/platforms/check")
    String checkCredentials(Model model) {
        model.addAttribute("checks", platforms.checkCredentials());
        return platforms(model);
    }
}
