package com.syncledger.app.api;

import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncService;
import com.syncledger.app.sync.SyncTicket;
import com.syncledger.connectors.spi.DateRange;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stores/{id}/sync} asks for a sync of each of the store's accounts and answers 202 once the
 * account sync tasks are stored, so each ends as a recorded run even if this instance stops; any instance may
 * run them. Its progress and outcome appear under {@code /stores/{id}/sync-runs}, each run naming its task.
 * A request identical to one still waiting joins it, and the body says so.
 */
@RestController
record SyncController(SyncService sync, Stores stores) {

    @PostMapping("/stores/{storeId}/sync")
    @ApiResponse(responseCode = "202", description = "Accepted; see the Location header. Each entry of tasks names "
            + "the sync run's task; coalesced is true when the request joined tasks already waiting; activeTasks "
            + "counts the store's account syncs waiting or running")
    ResponseEntity<Map<String, Object>> start(@PathVariable long storeId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        DateRange range = from == null && to == null ? null : ApiInput.range(from, to);
        stores.get(storeId);
        List<SyncTicket> tickets = sync.requestStore(storeId, range);
        URI runs = URI.create("/stores/" + storeId + "/sync-runs");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "started");
        body.put("storeId", storeId);
        body.put("syncRuns", runs.toString());
        body.put("coalesced", !tickets.isEmpty() && tickets.stream().allMatch(SyncTicket::coalesced));
        // The store's sync status is the sum of its tasks': how many are waiting or running on any instance.
        body.put("activeTasks", sync.activeTasks(storeId));
        body.put("tasks", tickets.stream().map(t -> Map.of("accountId", t.account().id(), "task", t.task(),
                "coalesced", t.coalesced())).toList());
        return ResponseEntity.accepted().location(runs).body(body);
    }
}
