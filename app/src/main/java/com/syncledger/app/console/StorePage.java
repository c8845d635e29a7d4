package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.billing.IssuedStatement;
import com.syncledger.app.billing.RestatementWindows;
import com.syncledger.app.billing.Statements;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.AdAccounts;
import com.syncledger.app.ledger.Baseline;
import com.syncledger.app.ledger.Baselines;
import com.syncledger.app.ledger.SpendQueries;
import com.syncledger.app.ledger.Store;
import com.syncledger.app.ledger.StoreSpend;
import com.syncledger.app.ledger.Stores;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.app.ledger.SyncRuns.SyncRun;
import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.DateRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Everything the store page shows, read through the same facades the API uses. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class StorePage {

    static final int DEFAULT_MONTHS = 3;
    static final int MAX_MONTHS = 36;
    /** The daily table and chart show the range's last days; the monthly ones the whole range. */
    static final int DAILY_DAYS = 31;
    static final int RUNS_SHOWN = 50;
    static final int BASELINES_SHOWN = 50;

    /** A sync run with the account it synced, for the runs table. */
    record RunLine(SyncRun run, String account) {
    }

    record StoreView(Store store, int months, DateRange range, boolean complete, SpendTable daily,
            SpendTable monthly, List<AccountCalendar> calendars, List<AdAccount> accounts, List<RunLine> runs,
            List<Baseline> baselines, List<IssuedStatement> statements) {
    }

    private final Stores stores;
    private final AdAccounts accounts;
    private final SpendQueries spend;
    private final SyncRuns runs;
    private final Baselines baselines;
    private final Statements statements;
    private final RestatementWindows windows;
    private final Clock clock;

    StorePage(Stores stores, AdAccounts accounts, SpendQueries spend, SyncRuns runs, Baselines baselines,
            Statements statements, RestatementWindows windows) {
        this.stores = stores;
        this.accounts = accounts;
        this.spend = spend;
        this.runs = runs;
        this.baselines = baselines;
        this.statements = statements;
        this.windows = windows;
        this.clock = Clock.systemUTC();
    }

    static int months(Integer requested) {
        int months = requested == null ? DEFAULT_MONTHS : requested;
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidInputException("months", "must be from 1 to " + MAX_MONTHS);
        }
        return months;
    }

    StoreView read(long storeId, int months) {
        Store store = stores.get(storeId);
        StoreCalendar calendar = StoreCalendar.of(store, clock);
        DateRange range = calendar.months(months);
        StoreSpend stored = spend.read(storeId, range);

        LocalDate dailyFrom = range.to().minusDays(DAILY_DAYS - 1L);
        DateRange dailyRange = DateRange.of(dailyFrom.isBefore(range.from()) ? range.from() : dailyFrom, range.to());
        SpendTable daily = SpendTable.of("Spend per day, last " + dailyRange.days() + " days",
                SpendLines.grouped(stored, dailyRange, Function.identity()), dailyRange.dates().toList());
        List<YearMonth> monthsShown = range.dates().map(YearMonth::from).distinct().toList();
        SpendTable monthly = SpendTable.of("Spend per month", SpendLines.grouped(stored, range, YearMonth::from),
                monthsShown);

        ZoneId storeZone = ZoneId.of(store.timeZone());
        List<AccountCalendar> calendars = stored.accounts().stream()
                .map(a -> AccountCalendar.of(a, windows.days(a.platform()), storeZone)).toList();
        List<AdAccount> linked = accounts.linked(storeId);
        Map<Long, String> names = linked.stream().collect(Collectors.toMap(AdAccount::id,
                a -> a.platform().displayName() + " " + a.externalId()));
        List<RunLine> runLines = runs.forStore(storeId, 0, RUNS_SHOWN).stream()
                .map(run -> new RunLine(run, names.getOrDefault(run.adAccountId(),
                        "unlinked account #" + run.adAccountId())))
                .toList();
        return new StoreView(store, months, range, stored.complete(), daily, monthly, calendars, linked, runLines,
                baselines.list(storeId, 0, BASELINES_SHOWN), statements.list(storeId));
    }
}
