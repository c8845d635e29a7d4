package com.syncledger.app.api;

import com.syncledger.app.access.Caller;
import com.syncledger.app.connections.ConnectionLinks;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.Baselines;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.SpendSummary;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.views.ApiModel.AccountRequest;
import com.syncledger.app.views.ApiModel.AccountView;
import com.syncledger.app.views.ApiModel.BaselineRequest;
import com.syncledger.app.views.ApiModel.BaselineView;
import com.syncledger.app.views.ApiModel.LedgerEntryRequest;
import com.syncledger.app.views.ApiModel.LedgerEntryView;
import com.syncledger.app.views.ApiModel.Page;
import com.syncledger.app.views.ApiModel.SpendSummaryView;
import com.syncledger.app.views.ApiModel.SpendView;
import com.syncledger.app.views.ApiModel.SyncRunView;
import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.Platform;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.YearMonth;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What belongs to one store: its accounts, spend, baselines, ledger entries and sync runs. */
@RestController
@RequestMapping("/stores/{storeId}")
record StoreResourcesController(AdAccounts accounts, SpendQueries spend, SpendSummary summary, Baselines baselines,
        LedgerEntries entries, SyncRuns runs, Stores stores, ConnectionLinks links) {

    @GetMapping("/accounts")
    java.util.List<AccountView> accounts(@PathVariable long storeId) {
        return accounts.linked(storeId).stream().map(AccountView::of).toList();
    }

    @PostMapping("/accounts")
    @ApiResponse(responseCode = "201", description = "Linked")
    ResponseEntity<AccountView> link(@PathVariable long storeId, @RequestBody AccountRequest request) {
        Platform platform;
        try {
            platform = Platform.fromSlug(request.platform());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("platform", e.getMessage());
        }
        AccountId account;
        try {
            account = AccountId.of(platform, request.accountId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("accountId", e.getMessage());
        }
        AccountView linked = AccountView.of(links.link(storeId, account, request.connectionId()));
        return ResponseEntity.created(URI.create("/stores/" + storeId + "/accounts/" + linked.id())).body(linked);
    }

    @DeleteMapping("/accounts/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long storeId, @PathVariable long accountId) {
        accounts.unlink(storeId, accountId);
    }

    @GetMapping("/spend")
    SpendView spend(@PathVariable long storeId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return SpendView.of(spend.read(storeId, ApiInput.range(from, to)));
    }

    @GetMapping("/spend/summary")
    SpendSummaryView spendSummary(@PathVariable long storeId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        YearMonth[] months = ApiInput.months(from, to);
        return SpendSummaryView.of(summary.read(storeId, months[0], months[1]));
    }

    @PostMapping("/baselines")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<BaselineView> createBaseline(@PathVariable long storeId, @RequestBody BaselineRequest request) {
        stores.get(storeId);
        BaselineView created = BaselineView.of(baselines.create(storeId, ApiInput.range(request.from(), request.to()),
                Boolean.TRUE.equals(request.provisional())));
        return ResponseEntity.created(URI.create("/stores/" + storeId + "/baselines/" + created.id())).body(created);
    }

    @GetMapping("/baselines")
    Page<BaselineView> baselines(@PathVariable long storeId, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return ApiInput.page(offset, limit, (o, l) -> baselines.list(storeId, o, l), BaselineView::of);
    }

    @GetMapping("/baselines/{baselineId}")
    BaselineView baseline(@PathVariable long storeId, @PathVariable long baselineId) {
        return BaselineView.of(baselines.get(storeId, baselineId));
    }

    /** 201 when recorded now, 200 when the same external id was recorded before. */
    @PostMapping("/ledger-entries")
    @ApiResponse(responseCode = "201", description = "Recorded now")
    @ApiResponse(responseCode = "200", description = "Recorded before under the same externalId")
    ResponseEntity<LedgerEntryView> record(@PathVariable long storeId, @RequestBody LedgerEntryRequest r,
            HttpServletRequest http) {
        var recorded = entries.record(storeId, BillingInputsModel.input(r), Caller.of(http).fingerprint());
        LedgerEntryView view = LedgerEntryView.of(recorded.entry());
        return recorded.created()
                ? ResponseEntity.created(URI.create("/stores/" + storeId + "/ledger-entries/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/ledger-entries")
    Page<LedgerEntryView> entries(@PathVariable long storeId, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return ApiInput.page(offset, limit, (o, l) -> entries.list(storeId, o, l), LedgerEntryView::of);
    }

    @GetMapping("/sync-runs")
    Page<SyncRunView> syncRuns(@PathVariable long storeId, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return ApiInput.page(offset, limit, (o, l) -> {
            stores.get(storeId);
            return runs.forStore(storeId, o, l);
        }, SyncRunView::of);
    }
}
