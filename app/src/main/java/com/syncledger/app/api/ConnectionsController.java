package com.syncledger.app.api;

import com.syncledger.app.connections.ConnectionStatuses;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.connections.ConnectionView;
import com.syncledger.app.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Connections (each client's own authorization on a platform), their expiry, and revoking one. Never a token. */
@RestController
@RequestMapping("/connections")
record ConnectionsController(ConnectionStatuses statuses, ConnectionStore store) {

    @GetMapping
    @Operation(summary = "Every connection, in id order, with its status and expected end")
    List<ConnectionView> list() {
        Instant now = statuses.now();
        return statuses.all().stream().map(e -> ConnectionView.of(e, now)).toList();
    }

    @GetMapping("/expiry")
    @Operation(summary = "Every connection, soonest end first: expired ones first, then by end; no known end and "
            + "revoked last")
    List<ConnectionView.Expiry> expiry() {
        Instant now = statuses.now();
        return statuses.soonestFirst().stream().map(e -> ConnectionView.Expiry.of(e, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connection")
    ConnectionView one(@PathVariable long id) {
        return statuses.one(id).map(e -> ConnectionView.of(e, statuses.now())).orElseThrow(() -> unknown(id));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a connection: its tokens are wiped, its accounts stay linked and are reported "
            + "not_configured until linked with another")
    ConnectionView revoke(@PathVariable long id) {
        store.revoke(id).orElseThrow(() -> unknown(id));
        return one(id);
    }

    private static NotFoundException unknown(long id) {
        return new NotFoundException("no connection " + id);
    }
}
