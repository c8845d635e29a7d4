package com.syncledger.app.api;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.BillingTerms;
import com.syncledger.app.billing.IssuedStatement;
import com.syncledger.app.billing.StatementDiff;
import com.syncledger.app.billing.Statements;
import com.syncledger.app.billing.Terms;
import com.syncledger.app.billing.TermsInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A store's billing terms and success-fee statements. Statements are JSON documents, issued ones served as stored. */
@RestController
@RequestMapping("/stores/{storeId}")
record StatementsController(BillingTerms terms, Statements statements) {

    record TermsRequest(String baselineFrom, String baselineTo, String feeRate, String floor, String cap,
            String effectiveFrom) {
    }

    record TermsView(long id, long storeId, String effectiveFrom, String baselineFrom, String baselineTo,
            String feeRate, String floor, String cap, String currency, Instant createdAt, String createdBy) {
        static TermsView of(Terms t) {
            return new TermsView(t.id(), t.storeId(), t.effectiveFrom().toString(), t.baseline().from().toString(),
                    t.baseline().to().toString(), t.feeRate().toPlainString(),
                    t.floor() == null ? null : t.floor().toPlainString(),
                    t.cap() == null ? null : t.cap().toPlainString(), t.currency(), t.createdAt(), t.createdBy());
        }
    }

    record IssuedView(long id, String period, String currency, String netProfit, String uplift, String fee,
            String amountDue, Instant issuedAt, String issuedBy) {
        static IssuedView of(IssuedStatement s) {
            return new IssuedView(s.id(), s.period().toString(), s.currency(), s.netProfit().toPlainString(),
                    s.uplift().toPlainString(), s.fee().toPlainString(), s.amountDue().toPlainString(), s.issuedAt(),
                    s.issuedBy());
        }
    }

    record ChangedDayView(String platform, String account, String day, String pinned, String current,
            String currency) {
    }

    record DiffView(long statement, String period, List<ChangedDayView> days, String pendingNetProfitDifference,
            String pendingFeeDifference) {
        static DiffView of(StatementDiff diff) {
            var pending = diff.pendingAdjustment();
            return new DiffView(diff.statement().id(), diff.statement().period().toString(),
                    diff.days().stream().map(d -> new ChangedDayView(d.platform().slug(), d.account(),
                            d.day().toString(), d.pinned(), d.current(), d.currency())).toList(),
                    pending == null ? "0" : pending.netProfitDifference().toPlainString(),
                    pending == null ? "0" : pending.feeDifference().toPlainString());
        }
    }

    @PostMapping("/billing-terms")
    @ApiResponse(responseCode = "201", description = "Recorded from their effective month on")
    ResponseEntity<TermsView> setTerms(@PathVariable long storeId, @RequestBody TermsRequest r,
            HttpServletRequest request) {
        Terms created = terms.set(storeId, new TermsInput(r.baselineFrom(), r.baselineTo(), r.feeRate(), r.floor(),
                r.cap(), r.effectiveFrom()), Caller.of(request).fingerprint());
        return ResponseEntity.created(URI.create("/stores/" + storeId + "/billing-terms")).body(TermsView.of(created));
    }

    @GetMapping("/billing-terms")
    List<TermsView> terms(@PathVariable long storeId) {
        return terms.list(storeId).stream().map(TermsView::of).toList();
    }

    @GetMapping("/statements")
    List<IssuedView> statements(@PathVariable long storeId) {
        return statements.list(storeId).stream().map(IssuedView::of).toList();
    }

    @Operation(summary = "The period's statement as it would be issued now (provisional, with every gap)")
    @GetMapping(path = "/statements/{period}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    String preview(@PathVariable long storeId, @PathVariable String period) {
        return statements.json(statements.preview(storeId, BillingPeriod.parse(period)));
    }

    @Operation(summary = "Issue the period's statement; 409 statement-not-settled with the gaps when data is missing")
    @PostMapping(path = "/statements/{period}/issue", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "201", description = "Issued now")
    @ApiResponse(responseCode = "200", description = "Issued before; the same statement")
    ResponseEntity<String> issue(@PathVariable long storeId, @PathVariable String period, HttpServletRequest request) {
        BillingPeriod billingPeriod = BillingPeriod.parse(period);
        Statements.Issued issued = statements.issue(storeId, billingPeriod, Caller.of(request).fingerprint());
        String document = issued.statement().document();
        return issued.created()
                ? ResponseEntity.created(URI.create("/stores/" + storeId + "/statements/" + billingPeriod)).body(document)
                : ResponseEntity.ok(document);
    }

    @Operation(summary = "An issued statement, exactly as issued")
    @GetMapping(path = "/statements/{period}", produces = MediaType.APPLICATION_JSON_VALUE)
    String show(@PathVariable long storeId, @PathVariable String period) {
        return statements.show(storeId, BillingPeriod.parse(period)).document();
    }

    @Operation(summary = "What changed in an issued statement's data since issue, day by day")
    @GetMapping("/statements/{period}/diff")
    DiffView diff(@PathVariable long storeId, @PathVariable String period) {
        return DiffView.of(statements.diff(storeId, BillingPeriod.parse(period)));
    }
}
