package com.syncledger.app.api;

import com.syncledger.app.access.Caller;
import com.syncledger.app.api.BillingInputsModel.LedgerEntryBatchRequest;
import com.syncledger.app.api.BillingInputsModel.LedgerEntryBatchView;
import com.syncledger.app.api.BillingInputsModel.RevenueCloseRequest;
import com.syncledger.app.api.BillingInputsModel.RevenueCloseView;
import com.syncledger.app.billing.RevenueCloses;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.views.ApiModel.LedgerEntryRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A store's billing inputs: ledger entries in batches, and its closed revenue period. */
@RestController
@RequestMapping("/stores/{storeId}")
record BillingInputsController(LedgerEntries entries, RevenueCloses closes, Stores stores) {

    @PostMapping("/ledger-entries/batch")
    @Operation(summary = "Record up to " + LedgerEntries.MAX_BATCH + " ledger entries, all or none",
            description = "Any invalid entry refuses the whole batch with a 400 naming each entry by index and "
                    + "field (errors: entries[3].amount); an entry in a closed period or a known externalId with "
                    + "other content refuses it with a 409. Entries recorded before with the same content are "
                    + "reported as already_present.")
    @ApiResponse(responseCode = "200", description = "Every entry is recorded: created now or already present")
    LedgerEntryBatchView recordBatch(@PathVariable long storeId, @RequestBody LedgerEntryBatchRequest request,
            HttpServletRequest http) {
        if (request.entries() == null) {
            throw new InvalidInputException("entries", "is required: a list of ledger entries");
        }
        if (request.entries().size() > LedgerEntries.MAX_BATCH) {
            throw new InvalidInputException("entries", "holds " + request.entries().size() + " entries; at most "
                    + LedgerEntries.MAX_BATCH + " are allowed per batch");
        }
        List<LedgerEntryInput> inputs = request.entries().stream()
                .map(r -> Objects.requireNonNullElseGet(r, () -> new LedgerEntryRequest(null, null, null, null, null,
                        null, null, null)))
                .map(BillingInputsModel::input).toList();
        return LedgerEntryBatchView.of(entries.recordAll(storeId, inputs, Caller.of(http).fingerprint(),
                LedgerEntries.Batch.ofRequest()));
    }

    @GetMapping("/revenue-close")
    @Operation(summary = "The date the store's revenue is closed through, or null")
    RevenueCloseView revenueClose(@PathVariable long storeId) {
        stores.get(storeId);
        return new RevenueCloseView(storeId, closes.closedThrough(storeId).orElse(null));
    }

    @PostMapping("/revenue-close")
    @Operation(summary = "Close the store's revenue through a date (inclusive)",
            description = "Entries dated on or before it are refused from then on; a late correction goes in as an "
                    + "adjustment dated in an open period. A close never moves back (409); a date after today in "
                    + "the store's time zone is refused (400). Closing again through the same date changes nothing.")
    @ApiResponse(responseCode = "200", description = "The close in force")
    RevenueCloseView close(@PathVariable long storeId, @RequestBody RevenueCloseRequest request,
            HttpServletRequest http) {
        LocalDate through;
        try {
            through = LocalDate.parse(String.valueOf(request.through()));
        } catch (DateTimeException e) {
            throw new InvalidInputException("through", "must be a date YYYY-MM-DD");
        }
        closes.close(storeId, through, Caller.of(http).fingerprint());
        return new RevenueCloseView(storeId, closes.closedThrough(storeId).orElse(null));
    }
}
