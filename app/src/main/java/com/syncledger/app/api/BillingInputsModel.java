package com.syncledger.app.api;

import com.syncledger.app.billing.BillingAudit;
import com.syncledger.app.billing.FxRate;
import com.syncledger.app.billing.FxRates;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.views.ApiModel.LedgerEntryRequest;
import com.syncledger.app.views.ApiModel.LedgerEntryView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the billing inputs: entry batches, revenue closes, FX rates and the audit trail. */
final class BillingInputsModel {

    private BillingInputsModel() {
    }

    static LedgerEntryInput input(LedgerEntryRequest r) {
        return new LedgerEntryInput(r.externalId(), r.kind(), r.date(), r.amount(), r.currency(), r.platform(),
                r.platformCampaignId(), r.description());
    }

    record LedgerEntryBatchRequest(List<LedgerEntryRequest> entries) {
    }

    /** {@code status}: {@code created} now, or {@code already_present} under the same externalId. */
    record BatchItemView(int index, String status, LedgerEntryView entry) {
    }

    record LedgerEntryBatchView(int recorded, int alreadyPresent, List<BatchItemView> entries) {
        static LedgerEntryBatchView of(List<LedgerEntries.Recorded> recorded) {
            List<BatchItemView> items = new java.util.ArrayList<>(recorded.size());
            for (int i = 0; i < recorded.size(); i++) {
                LedgerEntries.Recorded r = recorded.get(i);
                items.add(new BatchItemView(i, r.created() ? "created" : "already_present",
                        LedgerEntryView.of(r.entry())));
            }
            int created = (int) recorded.stream().filter(LedgerEntries.Recorded::created).count();
            return new LedgerEntryBatchView(created, recorded.size() - created, items);
        }
    }

    record RevenueCloseRequest(String through) {
    }

    /** {@code closedThrough} null: the store's revenue was never closed. */
    record RevenueCloseView(long storeId, LocalDate closedThrough) {
    }

    record FxRateRequest(String date, String base, String quote, String rate, String source) {
    }

    /** The rate is a decimal string, exact as recorded: 1 base = rate quote. */
    record FxRateView(LocalDate date, String base, String quote, String rate, String source) {
        static FxRateView of(FxRate r) {
            return new FxRateView(r.day(), r.base(), r.quote(), r.rate().toPlainString(), r.source());
        }
    }

    record FxImportView(int recorded, int alreadyPresent) {
        static FxImportView of(FxRates.Recorded r) {
            return new FxImportView(r.recorded(), r.alreadyPresent());
        }
    }

    /** {@code actor}: {@code cli}, or {@code key:} and the first 12 hex digits of the API key's configured hash. */
    record AuditEventView(long id, Instant at, String actor, String action, Long storeId, Map<String, Object> details) {
        static AuditEventView of(BillingAudit.Event e, Map<String, Object> details) {
            return new AuditEventView(e.id(), e.at(), e.actor(), e.action(), e.storeId(), details);
        }
    }
}
