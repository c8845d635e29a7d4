package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Linking and unlinking ad accounts from the store page: the console's only writes, for the write role. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class AccountLinksController {

    private final AdAccounts accounts;

    AccountLinksController(AdAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/console/stores/{storeId}/accounts")
    String link(@PathVariable long storeId, @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String accountId, HttpServletRequest request,
            RedirectAttributes redirect) {
        WriteRole.require(request);
        Platform parsed;
        AccountId account;
        try {
            parsed = Platform.fromSlug(platform);
            account = AccountId.of(parsed, accountId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("accountId", e.getMessage());
        }
        accounts.link(storeId, account);
        redirect.addFlashAttribute("notice", parsed.displayName() + " account " + account.value() + " linked.");
        return "redirect:/console/stores/" + storeId;
    }

    @PostMapping("/console/stores/{storeId}/accounts/{accountId}/unlink")
    String unlink(@PathVariable long storeId, @PathVariable long accountId, HttpServletRequest request,
            RedirectAttributes redirect) {
        WriteRole.require(request);
        accounts.unlink(storeId, accountId);
        redirect.addFlashAttribute("notice", "Account unlinked; its spend history is kept.");
        return "redirect:/console/stores/" + storeId;
    }
}
