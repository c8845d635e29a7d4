package com.syncledger.app.billing;

import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.billing.Statement.Adjustment;
import com.syncledger.app.billing.StatementBook.Carried;
import com.syncledger.app.billing.StatementBook.PinnedDay;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.problem.ConflictException;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Success-fee statements: previewed at any time from the current data (provisional, listing every gap),
 * issued only when nothing is missing, then never changed. A change to an issued statement's data reaches
 * the client as an adjustment line on the next statement issued after it.
 */
@Component
public class Statements {

    private static final int ISSUE_ATTEMPTS = 5;

    /** The outcome of an issue: the stored statement, and whether this call issued it. */
    public record Issued(IssuedStatement statement, boolean created) {
    }

    private final Stores stores;
    private final AdAccounts accounts;
    private final BillingTerms terms;
    private final BillingData data;
    private final StatementBook book;
    private final BillingAudit audit;
    private final JsonMapper json;
    private final UpliftMetrics metrics;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate serializable;
    private final Clock clock = Clock.systemUTC();

    public Statements(Stores stores, AdAccounts accounts, BillingTerms terms, BillingData data, StatementBook book,
            BillingAudit audit, JsonMapper json, UpliftMetrics metrics, PlatformTransactionManager transactions) {
        this.stores = stores;
        this.accounts = accounts;
        this.terms = terms;
        this.data = data;
        this.book = book;
        this.audit = audit;
        this.json = json;
        this.metrics = metrics;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.serializable = new TransactionTemplate(transactions);
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    }

    /** The statement as it would be issued now; provisional, with every gap listed. */
    public Statement preview(long storeId, BillingPeriod period) {
        Statement preview = snapshot.execute(tx -> compute(storeId, period));
        metrics.record(preview);
        return preview;
    }

    /**
     * Issues the period's statement, or returns the one issued before.
     *
     * @throws StatementRefusedException when a gap remains; nothing is written then
     */
    public Issued issue(long storeId, BillingPeriod period, String actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                Issued issued = serializable.execute(tx -> issueOnce(storeId, period, actor));
                metrics.record(issued.statement());
                return issued;
            } catch (DuplicateKeyException | ConcurrencyFailureException concurrentIssue) {
                // Another issue of this store committed first: the next attempt sees its statement and
                // the adjustments it carried.
                if (attempt == ISSUE_ATTEMPTS) {
                    throw concurrentIssue;
                }
            }
        }
    }

    public IssuedStatement show(long storeId, BillingPeriod period) {
        stores.get(storeId);
        return book.find(storeId, period).orElseThrow(() -> new NotFoundException("store " + storeId
                + " has no issued statement for " + period));
    }

    public List<IssuedStatement> list(long storeId) {
        stores.get(storeId);
        return book.list(storeId);
    }

    /** What changed since the period's statement was issued, and the adjustment a next statement would carry. */
    public StatementDiff diff(long storeId, BillingPeriod period) {
        return snapshot.execute(tx -> {
            IssuedStatement issued = show(storeId, period);
            List<PinnedDay> pinned = book.pinnedDays(issued.id());
            List<StatementDiff.ChangedDay> changed = pinned.stream().filter(PinnedDay::restated)
                    .map(d -> new StatementDiff.ChangedDay(d.platform(), d.externalId(), d.day(),
                            Money.ofMicros(d.pinnedMicros(), d.pinnedCurrency()).toDecimalString(),
                            Money.ofMicros(d.currentMicros(), d.currentCurrency()).toDecimalString(),
                            d.currentCurrency()))
                    .toList();
            List<Gap> gaps = new ArrayList<>();
            Adjustment pending = adjustment(issued, pinned, gaps).orElse(null);
            return new StatementDiff(issued, changed, pending);
        });
    }

    public String json(Statement statement) {
        return StatementDocument.json(json, statement);
    }

    private Issued issueOnce(long storeId, BillingPeriod period, String actor) {
        Optional<IssuedStatement> existing = book.find(storeId, period);
        if (existing.isPresent()) {
            return new Issued(existing.get(), false);
        }
        Statement computed = compute(storeId, period);
        if (!computed.settled()) {
            throw new StatementRefusedException(computed);
        }
        Statement issued = new Statement(computed.storeId(), computed.storeName(), computed.billingPeriod(),
                computed.terms(), book.nextId(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor,
                computed.gaps(), computed.period(), computed.baseline(), computed.baselinePerDay(),
                computed.baselineForPeriod(), computed.uplift(), computed.attribution(),
                computed.roundingToUnattributed(), computed.feeBeforeLimits(), computed.fee(), computed.feeNote(),
                computed.adjustments(), computed.amountDue(), computed.pins());
        book.insert(issued, json(issued));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statement", issued.id());
        details.put("period", period.toString());
        details.put("fee", StatementDocument.money(issued.fee(), issued.currency()));
        details.put("amountDue", StatementDocument.money(issued.amountDue(), issued.currency()));
        audit.record(actor, "statement.issue", storeId, details);
        return new Issued(book.find(storeId, period).orElseThrow(), true);
    }

    private Statement compute(long storeId, BillingPeriod period) {
        Store store = stores.get(storeId);
        ZoneId zone = ZoneId.of(store.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (period.first().isAfter(today)) {
            throw new InvalidInputException("period", period + " has not begun yet in the store's time zone ("
                    + store.timeZone() + ", today is " + today + ")");
        }
        Terms inForce = terms.inForce(storeId, period).orElseThrow(() -> new ConflictException("store " + storeId
                + " has no billing terms in force for " + period + "; set them with `billing terms`"));
        List<AdAccount> linked = accounts.linked(storeId);
        BillingData.Span periodSpan = data.load(storeId, zone, linked, period.range(), "period");
        BillingData.Span baselineSpan = data.load(storeId, zone, linked, inForce.baseline(), "baseline");
        List<Gap> adjustmentGaps = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        for (IssuedStatement earlier : book.issuedBefore(storeId, period)) {
            boolean mayHaveChanged = book.anyRestated(earlier.id()) || !isZero(book.carried(earlier.id()));
            if (mayHaveChanged) {
                adjustment(earlier, book.pinnedDays(earlier.id()), adjustmentGaps).ifPresent(adjustments::add);
            }
        }
        List<Gap> gaps = new ArrayList<>(periodSpan.gaps());
        gaps.addAll(adjustmentGaps);
        FxTable fx = data.rates(period.range(), inForce.baseline());
        return StatementCalculator.compute(new StatementCalculator.Inputs(storeId, store.name(), period, inForce, fx,
                new BillingData.Span(periodSpan.spend(), periodSpan.entries(), gaps), baselineSpan,
                List.copyOf(adjustments)));
    }

    /**
     * The earlier statement recomputed with the current values of the days it pinned (entries and rates of
     * a closed period do not change), against what it and the adjustments already carried for it said.
     */
    private Optional<Adjustment> adjustment(IssuedStatement earlier, List<PinnedDay> pinned, List<Gap> gaps) {
        Terms earlierTerms = terms.get(earlier.termsId());
        List<SpendItem> current = StatementBook.currentValues(pinned);
        DateRange range = earlier.period().range();
        ProfitFigures now = ProfitFigures.of(current, book.pinnedEntries(earlier.id()), data.rates(range, range),
                earlierTerms.currency());
        now.missingRates().forEach(missing -> gaps.add(new Gap(Gap.Kind.MISSING_FX_RATE,
                "adjustment of " + earlier.period(), null, null, missing.day(), missing.day(), missing.currency(),
                "needed to recompute the issued statement " + earlier.id())));
        Carried carried = book.carried(earlier.id());
        BigDecimal upliftNow = earlier.uplift().add(now.netProfit().subtract(earlier.netProfit()));
        BigDecimal feeNow = Fee.of(upliftNow, earlierTerms).fee();
        BigDecimal netDifference = now.netProfit().subtract(earlier.netProfit()).subtract(carried.netProfit());
        BigDecimal feeDifference = feeNow.subtract(earlier.fee()).subtract(carried.fee());
        if (netDifference.signum() == 0 && feeDifference.signum() == 0) {
            return Optional.empty();
        }
        long restated = pinned.stream().filter(PinnedDay::restated).count();
        return Optional.of(new Adjustment(earlier.id(), earlier.period(),
                MinorUnits.round(netDifference, earlierTerms.currency()),
                MinorUnits.round(feeDifference, earlierTerms.currency()),
                restated + " pinned account-day(s) restated since statement " + earlier.id() + " was issued"));
    }

    private static boolean isZero(Carried carried) {
        return carried.netProfit().signum() == 0 && carried.fee().signum() == 0;
    }
}
