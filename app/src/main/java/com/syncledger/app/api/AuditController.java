package com.syncledger.app.api;

import com.syncledger.app.api.BillingInputsModel.AuditEventView;
import com.syncledger.app.billing.BillingAudit;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.views.ApiModel.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The billing audit trail: who wrote what and when, newest first. */
@RestController
record AuditController(BillingAudit audit, Stores stores, JsonMapper json) {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @GetMapping("/audit")
    @Operation(summary = "Billing writes, newest first; of one store with store=N (FX rates belong to no store)")
    Page<AuditEventView> list(@RequestParam(required = false) Long store, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return ApiInput.page(offset, limit, (o, l) -> {
            if (store != null) {
                stores.get(store);
            }
            return audit.list(store, o, l);
        }, e -> AuditEventView.of(e, json.readValue(e.details(), OBJECT)));
    }
}
