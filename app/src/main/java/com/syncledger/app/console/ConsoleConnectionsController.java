package com.syncledger.app.console;

import com.syncledger.app.connections.Connection;
import com.syncledger.app.connections.ConnectionLinks;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.Platform;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's connections page: every client's authorization with its expiry badge, a form that starts
 * {@code GET /connect/{platform}}, revoking one as {@code POST /connections/{id}/revoke} does, and linking the
 * accounts a new connection reaches to a store.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Hidden
@Controller
class ConsoleConnectionsController {

    private final ConnectionsPage page;
    private final ConnectionStore connections;
    private final ConnectionLinks links;
    private final Stores stores;

    ConsoleConnectionsController(ConnectionsPage page, ConnectionStore connections, ConnectionLinks links,
            Stores stores) {
        this.page = page;
        this.connections = connections;
        this.links = links;
        this.stores = stores;
    }

    @GetMapping("/console/connections")
    String connections(Model model) {
        model.addAttribute("connections", page.read());
        model.addAttribute("platforms", Arrays.asList(Platform.values()));
        model.addAttribute("stores", stores.list(0, 1000));
        return "console/connections";
    }

    /**
     * The connect form's target without JavaScript (console.js goes to {@code /connect/{platform}} directly, as a
     * form redirected off-site would be stopped by the pages' {@code form-action 'self'}).
     */
    @GetMapping("/console/connections/connect")
    String connect(@RequestParam(required = false) String platform, @RequestParam(required = false) String label,
            @RequestParam(required = false) Long store, HttpServletRequest request) {
        WriteRole.require(request, "connecting a platform");
        if (platform == null || Arrays.stream(Platform.values()).noneMatch(p -> p.slug().equals(platform))) {
            throw new InvalidInputException("platform", "choose one of the platforms to connect");
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/connect/{platform}");
        if (label != null && !label.isBlank()) {
            target.queryParam("label", label);
        }
        if (store != null) {
            target.queryParam("store", store);
        }
        return "redirect:" + target.buildAndExpand(platform).encode().toUriString();
    }

    @PostMapping("/console/connections/{connectionId}/revoke")
    String revoke(@PathVariable long connectionId, HttpServletRequest request, RedirectAttributes redirect) {
        WriteRole.require(request, "revoking a connection");
        Connection revoked = connections.revoke(connectionId)
                .orElseThrow(() -> new NotFoundException("no connection " + connectionId));
        redirect.addFlashAttribute("notice", "Connection \"" + revoked.label() + "\" ("
                + revoked.platform().displayName() + ") revoked: its tokens are wiped; its accounts stay linked and"
                + " are reported not configured until linked with another connection.");
        return "redirect:/console/connections";
    }

    /**
     * Which of a new connection's accounts to link, and to which store. The callback page (served without the
     * Strict session cookie, as the platform sent the browser) asks with a plain GET to this signed-in page, which
     * confirms with the console's usual form post ({@link #link}).
     */
    @GetMapping("/console/connections/{connectionId}/link")
    String confirmLink(@PathVariable long connectionId, @RequestParam(required = false) Long store,
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
