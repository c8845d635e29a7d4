package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.console.SpendLines.Series;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.connectors.spi.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The stores overview: per store, what each platform spent this month and last, and what needs attention. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class StoresOverview {

    /** Enough for a page; the overview says when there are more. */
    static final int MAX_STORES = 500;
    private static final int RUNS_TO_SEARCH = 200;

    /** One platform and currency: month-to-date and last month, null when nothing was spent there. */
    record SpendLine(String label, Money monthToDate, Money lastMonth) {
    }

    record StoreCard(Store store, List<SpendLine> spend, boolean complete, int missingAccountDays,
            Instant lastSuccessfulSync, List<String> problems) {

        public String lastSuccessfulSyncText() {
            return lastSuccessfulSync == null ? "never" : Times.text(lastSuccessfulSync);
        }
    }

    record Overview(List<StoreCard> stores, long totalStores) {
    }

    private final Stores stores;
    private final SpendQueries spend;
    private final SyncRuns runs;
    private final Clock clock = Clock.systemUTC();

    StoresOverview(Stores stores, SpendQueries spend, SyncRuns runs) {
        this.stores = stores;
        this.spend = spend;
        this.runs = runs;
    }

    Overview read() {
        List<StoreCard> cards = stores.list(0, MAX_STORES).stream().map(this::card).toList();
        return new Overview(cards, stores.count());
    }

    private StoreCard card(Store store) {
        StoreCalendar calendar = StoreCalendar.of(store, clock);
        StoreSpend stored = spend.read(store.id(), calendar.lastMonthToDate());
        Map<Series, Money> thisMonth = calendar.monthToDate().map(r -> SpendLines.within(stored, r)).orElse(Map.of());
        Map<Series, Money> lastMonth = SpendLines.within(stored, calendar.lastMonth());
        TreeSet<Series> series = new TreeSet<>(thisMonth.keySet());
        series.addAll(lastMonth.keySet());
        List<SpendLine> lines = series.stream()
                .map(s -> new SpendLine(s.label(), thisMonth.get(s), lastMonth.get(s))).toList();

        List<String> problems = new ArrayList<>();
        if (stored.accounts().isEmpty()) {
            problems.add("No ad account is linked.");
        }
        int missing = 0;
        for (AccountSpend account : stored.accounts()) {
            missing += account.missingDays().size();
            String name = account.platform().displayName() + " " + account.externalId();
            if (!account.missingDays().isEmpty()) {
                problems.add(name + ": " + account.missingDays().size() + " days missing");
            }
            if (account.lastSyncError() != null) {
                problems.add(name + ": last sync failed (" + account.lastSyncError() + ")");
            }
        }
        Instant lastSuccess = runs.forStore(store.id(), 0, RUNS_TO_SEARCH).stream()
                .filter(run -> "succeeded".equals(run.status())).map(SyncRun::finishedAt).findFirst().orElse(null);
        return new StoreCard(store, lines, stored.complete(), missing, lastSuccess, problems);
    }
}
