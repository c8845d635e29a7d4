package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.access.ConsolePaths;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's read-only pages: the stores overview, a store, the platforms and their credential check. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class ConsolePagesController {

    private final StoresOverview overview;
    private final StorePage storePage;
    private final PlatformsPage platforms;

    ConsolePagesController(StoresOverview overview, StorePage storePage, PlatformsPage platforms) {
        this.overview = overview;
        this.storePage = storePage;
        this.platforms = platforms;
    }

    @GetMapping(ConsolePaths.OVERVIEW)
    String overview(Model model) {
        model.addAttribute("overview", overview.read());
        return "console/overview";
    }

    @GetMapping("/console/stores/{storeId}")
    String store(@PathVariable long storeId, @RequestParam(required = false) Integer months, Model model) {
        model.addAttribute("view", storePage.read(storeId, StorePage.months(months)));
        model.addAttribute("platforms", com.syncledger.connectors.spi.Platform.values());
        return "console/store";
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
