package com.syncledger.app.console;

import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionLinks;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Linking the accounts a new connection reaches to a store. The callback page (served without the Strict session
 * cookie, as the platform sent the browser) asks with a plain GET to this signed-in page, which confirms with the
 * console's usual form post.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class ConnectionLinksController {

    private final ConnectionStore connections;
    private final ConnectionLinks links;
    private final Stores stores;

    ConnectionLinksController(ConnectionStore connections, ConnectionLinks links, Stores stores) {
        this.connections = connections;
        this.links = links;
        this.stores = stores;
    }

    @GetMapping("/console/connections/{connectionId}/link")
    String confirm(@PathVariable long connectionId, @RequestParam(required = false) Long store,
            @RequestParam(name = "accountId", required = false) List<String> accountIds, Model model) {
        Connection connection = connection(connectionId);
        List<String> chosen = accountIds == null ? List.of()
                : accountIds.stream().filter(connection.accountIds()::contains).toList();
        model.addAttribute("connection", connection);
        model.addAttribute("chosen", chosen.isEmpty() ? connection.accountIds() : chosen);
        model.addAttribute("stores", stores.list(0, 1000));
        model.addAttribute("storeId", store);
        return "console/connection-link";
    }

    @PostMapping("/console/connections/{connectionId}/links")
    String link(@PathVariable long connectionId, @RequestParam(required = false) Long store,
            @RequestParam(name = "accountId", required = false) List<String> accountIds, HttpServletRequest request,
            RedirectAttributes redirect) {
        WriteRole.require(request);
        if (store == null) {
            throw new InvalidInputException("store", "choose the store to link the accounts to");
        }
        List<AdAccount> linked = links.linkReachable(connectionId, store, accountIds == null ? List.of() : accountIds);
        Connection connection = connection(connectionId);
        redirect.addFlashAttribute("notice", linked.size() + " " + connection.platform().displayName()
                + " account" + (linked.size() == 1 ? "" : "s") + " linked with connection \"" + connection.label() + "\".");
        return "redirect:/console/stores/" + store;
    }

    private Connection connection(long id) {
        return connections.find(id).orElseThrow(() -> new NotFoundException("no connection " + id));
    }
}
