package com.syncledger.app.ledger;

import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend.Completeness;
import com.syncledger.app.ledger.StoreSpend.DaySpend;
import com.syncledger.app.ledger.StoreSpend.PlatformTotal;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a store's current spend, day by day, and says how complete and fresh it is. */
@Component
public class SpendQueries {

    private final JdbcClient jdbc;
    private final AdAccounts accounts;
    private final SyncRuns runs;

    public SpendQueries(JdbcClient jdbc, AdAccounts accounts, SyncRuns runs) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.runs = runs;
    }

    public StoreSpend read(long storeId, DateRange range) {
        List<AdAccount> linked = accounts.linked(storeId);
        Map<Long, String> failures = runs.lastFailures(storeId);
        Map<Long, Map<LocalDate, DaySpend>> stored = storedDays(linked, range);
        List<AccountSpend> result = new ArrayList<>();
        for (AdAccount account : linked) {
            result.add(readAccount(account, range, stored.getOrDefault(account.id(), Map.of()),
                    failures.get(account.id())));
        }
        boolean complete = result.stream().allMatch(a -> a.status() == Completeness.COMPLETE);
        return new StoreSpend(storeId, range, complete, result, platformTotals(result), currencyTotals(result));
    }

    /** The stored days of every account over the range, in one query (its index holds every column read). */
    private Map<Long, Map<LocalDate, DaySpend>> storedDays(List<AdAccount> linked, DateRange range) {
        Map<Long, Map<LocalDate, DaySpend>> stored = new HashMap<>();
        if (linked.isEmpty()) {
            return stored;
        }
        jdbc.sql("select ad_account_id, day, amount_micros, currency, fetched_at from spend_day "
                        + "where ad_account_id = any(?) and day between ? and ? order by ad_account_id, day")
                .params(linked.stream().map(AdAccount::id).toArray(Long[]::new), range.from(), range.to())
                .query((ResultSet rs) -> {
                    LocalDate day = rs.getDate("day").toLocalDate();
                    stored.computeIfAbsent(rs.getLong("ad_account_id"), id -> new TreeMap<>())
                            .put(day, new DaySpend(day, Money.ofMicros(rs.getLong("amount_micros"),
                                    rs.getString("currency")), rs.getTimestamp("fetched_at").toInstant()));
                });
        return stored;
    }

    /**
     * @param stored the account's stored days of the range, by day
     * @param lastError the error of the account's latest finished sync, or null when it succeeded
     */
    private AccountSpend readAccount(AdAccount account, DateRange range, Map<LocalDate, DaySpend> stored,
            String lastError) {
        List<DaySpend> days = range.dates()
                .map(day -> stored.getOrDefault(day, new DaySpend(day, null, null)))
                .toList();
        List<LocalDate> missing = days.stream().filter(d -> d.spend() == null).map(DaySpend::date).toList();
        Completeness status = !missing.isEmpty() ? Completeness.MISSING_DAYS
                : lastError != null ? Completeness.STALE : Completeness.COMPLETE;
        // An account whose currency changed has days in two currencies: no single total (the platform and
        // currency totals still count every day, per currency).
        Money total = stored.values().stream().map(DaySpend::spend).map(Money::currency).distinct().count() != 1 ? null
                : stored.values().stream().map(DaySpend::spend).reduce(Money::plus).orElseThrow();
        var lastFetched = stored.values().stream().map(DaySpend::fetchedAt).max(java.util.Comparator.naturalOrder()).orElse(null);
        return new AccountSpend(account.id(), account.platform(), account.externalId(), account.currency(),
                account.timeZone(), status, missing, lastFetched, lastError, total, days);
    }

    private static List<PlatformTotal> platformTotals(List<AccountSpend> accounts) {
        Map<String, PlatformTotal> totals = new TreeMap<>();
        for (AccountSpend account : accounts) {
            for (DaySpend day : account.days()) {
                if (day.spend() != null) {
                    String key = account.platform().ordinal() + ":" + day.spend().currency();
                    totals.merge(key, new PlatformTotal(account.platform(), day.spend()),
                            (a, b) -> new PlatformTotal(a.platform(), a.spend().plus(b.spend())));
                }
            }
        }
        return List.copyOf(totals.values());
    }

    private static List<Money> currencyTotals(List<AccountSpend> accounts) {
        Map<String, Money> totals = new HashMap<>();
        accounts.stream().flatMap(a -> a.days().stream()).map(DaySpend::spend).filter(Objects::nonNull)
                .forEach(m -> totals.merge(m.currency(), m, Money::plus));
        return totals.values().stream().sorted(java.util.Comparator.comparing(Money::currency)).toList();
    }
}
