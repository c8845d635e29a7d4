package com.syncledger.app.api;

import com.syncledger.app.ledger.Stores;
import com.syncledger.app.sync.SyncProgress;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.spi.DateRange;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stores/{id}/sync} starts a sync of the store in the background and answers 202 at once;
 * its progress and outcome appear under {@code /stores/{id}/sync-runs}.
 */
@RestController
record SyncController(SyncService sync, Stores stores) {

    private static final Logger log = LoggerFactory.getLogger(SyncController.class);

    @PostMapping("/stores/{storeId}/sync")
    @ApiResponse(responseCode = "202", description = "Started; see the Location header")
    ResponseEntity<Map<String, Object>> start(@PathVariable long storeId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        DateRange range = from == null && to == null ? null : ApiInput.range(from, to);
        stores.get(storeId);
        Thread.ofVirtual().name("sync-store-" + storeId).start(() -> {
            try {
                sync.syncStore(storeId, range, SyncProgress.NONE);
            } catch (RuntimeException e) {
                log.error("sync of store {} failed", storeId, e);
            }
        });
        URI runs = URI.create("/stores/" + storeId + "/sync-runs");
        return ResponseEntity.accepted().location(runs)
                .body(Map.of("status", "started", "storeId", storeId, "syncRuns", runs.toString()));
    }
}
