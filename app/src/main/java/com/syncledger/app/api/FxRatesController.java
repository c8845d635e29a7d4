package com.syncledger.app.api;

import com.syncledger.app.access.Caller;
import com.syncledger.app.api.BillingInputsModel.FxImportView;
import com.syncledger.app.api.BillingInputsModel.FxRateRequest;
import com.syncledger.app.api.BillingInputsModel.FxRateView;
import com.syncledger.app.billing.FxRates;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dated exchange rates: the ECB's reference rates and rates set by hand. A recorded rate never changes. */
@RestController
@RequestMapping("/fx-rates")
class FxRatesController {

    private final FxRates rates;

    FxRatesController(FxRates rates) {
        this.rates = rates;
    }

    @PostMapping(path = "/ecb", consumes = "text/csv")
    @Operation(summary = "Import the ECB's euro reference rates (eurofxref-hist.csv)",
            description = "Stored as base EUR, quote = column, source ecb; N/A is skipped. Rates recorded before "
                    + "with the same value are left as they are; any other value refuses the whole file (409).")
    @ApiResponse(responseCode = "200", description = "Imported: rates recorded now and rates already present")
    FxImportView importEcb(@RequestBody String csv, HttpServletRequest http) {
        return FxImportView.of(rates.importEcb(new StringReader(csv), Caller.of(http).fingerprint()));
    }

    @PostMapping
    @Operation(summary = "Record one rate by hand: 1 base = rate quote on the date (source manual unless named)")
    @ApiResponse(responseCode = "201", description = "Recorded now")
    @ApiResponse(responseCode = "200", description = "Recorded before with the same value")
    ResponseEntity<FxRateView> set(@RequestBody FxRateRequest r, HttpServletRequest http) {
        FxRates.SetRate set = rates.set(r.date(), r.base(), r.quote(), r.rate(), r.source(), Caller.of(http).fingerprint());
        return ResponseEntity.status(set.created() ? HttpStatus.CREATED : HttpStatus.OK).body(FxRateView.of(set.rate()));
    }

    @GetMapping
    @Operation(summary = "The rates of the days from..to (at most " + ApiInput.MAX_RANGE_DAYS + " days), "
            + "optionally of one quote currency")
    List<FxRateView> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String quote) {
        DateRange range = ApiInput.range(from, to);
        String quoteCode = null;
        if (quote != null) {
            quoteCode = quote.strip().toUpperCase(Locale.ROOT);
            if (!quoteCode.matches("[A-Z]{3}")) {
                throw new InvalidInputException("quote", "must be an ISO-4217 code such as USD");
            }
        }
        return rates.list(range.from(), range.to(), quoteCode).stream().map(FxRateView::of).toList();
    }
}
