package com.syncledger.app.api;

import com.syncledger.app.ledger.StoreInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.views.ApiModel.Page;
import com.syncledger.app.views.ApiModel.StoreRequest;
import com.syncledger.app.views.ApiModel.StoreView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/stores")
record StoresController(Stores stores) {

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<StoreView> create(@RequestBody StoreRequest request) {
        StoreView created = StoreView.of(stores.create(
                new StoreInput(request.name(), request.timeZone(), request.billingCurrency())));
        return ResponseEntity.created(URI.create("/stores/" + created.id())).body(created);
    }

    @GetMapping
    Page<StoreView> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return ApiInput.page(offset, limit, stores::list, StoreView::of);
    }

    @GetMapping("/{storeId}")
    StoreView get(@PathVariable long storeId) {
        return StoreView.of(stores.get(storeId));
    }

    @PutMapping("/{storeId}")
    StoreView update(@PathVariable long storeId, @RequestBody StoreRequest request) {
        return StoreView.of(stores.update(storeId,
                new StoreInput(request.name(), request.timeZone(), request.billingCurrency())));
    }
}
