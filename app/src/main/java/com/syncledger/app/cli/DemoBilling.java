package com.syncledger.app.cli;

import com.syncledger.app.access.Caller;
import com.syncledger.app.billing.BillingPeriod;
import com.syncledger.app.billing.BillingTerms;
import com.syncledger.app.billing.FxRates;
import com.syncledger.app.billing.Gap;
import com.syncledger.app.billing.RevenueCloses;
import com.syncledger.app.billing.StatementRefusedException;
import com.syncledger.app.billing.Statements;
import com.syncledger.app.billing.TermsInput;
import com.syncledger.app.ledger.LedgerEntries;
import com.syncledger.app.ledger.LedgerEntryInput;
import com.syncledger.app.ledger.Store;
import com.syncledger.connectors.spi.DateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The demo's billing: deterministic revenue and costs for a baseline and a billing period, terms, closed
 * revenue, EUR rates for Northwind's EUR sales, and an issued statement per store. Every write is
 * idempotent, so a second demo run finds what the first recorded.
 */
final class DemoBilling {

    /** Days after which every platform's restatement window (at most 30 days) has passed, with a margin. */
    private static final int SETTLED_AFTER_DAYS = 32;
    /** The oldest day every platform still serves (Amazon keeps 90 days), with a margin. */
    private static final int RETAINED_DAYS = 85;

    private DemoBilling() {
    }

    /** The latest whole month whose days are all settled today in the store's calendar. */
    static BillingPeriod period(Store store) {
        LocalDate settledThrough = LocalDate.now(ZoneId.of(store.timeZone())).minusDays(SETTLED_AFTER_DAYS);
        YearMonth month = YearMonth.from(settledThrough);
        return new BillingPeriod(month.atEndOfMonth().isAfter(settledThrough) ? month.minusMonths(1) : month);
    }

    /** Up to 30 days before the period, no older than every platform retains. */
    static DateRange baseline(Store store, BillingPeriod period) {
        LocalDate oldest = LocalDate.now(ZoneId.of(store.timeZone())).minusDays(RETAINED_DAYS);
        LocalDate from = period.first().minusDays(30);
        return DateRange.of(from.isBefore(oldest) ? oldest : from, period.first().minusDays(1));
    }

    /**
     * A demo store's statement: issued, or provisional when a gap remains (e.g. on a first run Amazon cannot
     * vouch for days older than its Sponsored Brands and Display reports reach, so those days stay missing).
     */
    record Billed(long storeId, BillingPeriod period, String document, List<Gap> gaps) {

        boolean issued() {
            return gaps.isEmpty();
        }

        String path() {
            return "/stores/" + storeId + "/statements/" + period + (issued() ? "" : "/preview");
        }
    }

    /** Records the demo's billing inputs and issues the period's statement, or previews it while gaps remain. */
    static Billed issue(ApplicationContext context, Store store) {
        BillingPeriod period = period(store);
        DateRange baseline = baseline(store, period);
        String currency = store.billingCurrency();
        List<LedgerEntryInput> entries = new ArrayList<>();
        baseline.dates().forEach(day -> day(entries, day, currency, new BigDecimal("7200.00")));
        period.range().dates().forEach(day -> day(entries, day, currency, new BigDecimal("8400.00")));
        entries.add(entry("refund-" + period, "refund", period.first().plusDays(9), "450.00", currency, null));
        if (!currency.equals("EUR")) {
            FxRates rates = context.getBean(FxRates.class);
            period.range().dates().filter(DemoBilling::weekday).forEach(day -> {
                rates.set(day.toString(), "EUR", currency, "1.08" + day.getDayOfMonth() % 10, "demo", Caller.CLI);
                entries.add(entry("eu-" + day, "revenue", day, "400.00", "EUR", null));
            });
        }
        RevenueCloses closes = context.getBean(RevenueCloses.class);
        LocalDate closed = closes.closedThrough(store.id()).orElse(LocalDate.MIN);
        // A later demo run records only the days still open: the closed ones were recorded before.
        List<LedgerEntryInput> open = entries.stream().filter(e -> LocalDate.parse(e.date()).isAfter(closed)).toList();
        if (!open.isEmpty()) {
            context.getBean(LedgerEntries.class).recordAll(store.id(), open, Caller.CLI, LedgerEntries.Batch.ofRequest());
        }
        BillingTerms terms = context.getBean(BillingTerms.class);
        if (terms.inForce(store.id(), period).isEmpty()) {
            terms.set(store.id(), new TermsInput(baseline.from().toString(), baseline.to().toString(), "0.20",
                    "250.00", null, period.first().toString()), Caller.CLI);
        }
        if (closed.isBefore(period.last())) {
            closes.close(store.id(), period.last(), Caller.CLI);
        }
        Statements statements = context.getBean(Statements.class);
        try {
            String document = statements.issue(store.id(), period, Caller.CLI).statement().document();
            return new Billed(store.id(), period, document, List.of());
        } catch (StatementRefusedException refused) {
            return new Billed(store.id(), period, statements.json(refused.statement()), refused.statement().gaps());
        }
    }

    /** One day of a store: revenue (a quarter of it attributed to Meta and Google), its costs and fees. */
    private static void day(List<LedgerEntryInput> entries, LocalDate day, String currency, BigDecimal base) {
        BigDecimal revenue = base.add(BigDecimal.valueOf(day.getDayOfMonth() % 7 * 135L));
        BigDecimal meta = percent(revenue, "15");
        BigDecimal google = percent(revenue, "10");
        entries.add(entry("rev-" + day, "revenue", day, revenue.subtract(meta).subtract(google).toPlainString(),
                currency, null));
        entries.add(entry("rev-meta-" + day, "revenue", day, meta.toPlainString(), currency, "meta"));
        entries.add(entry("rev-google-" + day, "revenue", day, google.toPlainString(), currency, "google"));
        entries.add(entry("cogs-" + day, "cogs", day, percent(revenue, "35").toPlainString(), currency, null));
        entries.add(entry("ship-" + day, "shipping", day, "180.00", currency, null));
        entries.add(entry("fees-" + day, "payment_fee", day, percent(revenue, "2.9").toPlainString(), currency, null));
    }

    private static BigDecimal percent(BigDecimal amount, String percent) {
        return amount.multiply(new BigDecimal(percent)).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static LedgerEntryInput entry(String id, String kind, LocalDate day, String amount, String currency,
            String platform) {
        return new LedgerEntryInput("demo-" + id, kind, day.toString(), amount, currency, platform, null, null);
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
