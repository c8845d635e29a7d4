package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.access.ConsolePaths;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's pages of the ledger: the stores overview and a store. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
record ConsolePagesController(StoresOverview overview, StorePage storePage) {

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
}
