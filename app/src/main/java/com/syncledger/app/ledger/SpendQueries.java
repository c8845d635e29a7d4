package com.syncledger.app.ledger;

import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend.Completeness;
import com.syncledger.app.ledger.StoreSpend.DaySpend;
import com.syncledger.app.ledger.StoreSpend.PlatformTotal;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<Long, DaySpend[]> stored = storedDays(linked, range);
        int length = dayCount(range);
        List<AccountSpend> result = new ArrayList<>();
        for (AdAccount account : linked) {
            result.add(readAccount(account, range, stored.getOrDefault(account.id(), new DaySpend[length]),
                    failures.get(account.id())));
        }
        boolean complete = result.stream().allMatch(a -> a.status() == Completeness.COMPLETE);
        return new StoreSpend(storeId, range, complete, result, platformTotals(result), currencyTotals(result));
    }

    private static int dayCount(DateRange range) {
        return (int) (range.to().toEpochDay() - range.from().toEpochDay() + 1);
    }

    /**
     * The stored days of every account over the range, in one query (its index holds every column read), each
     * account's as an array by day of the range: null where nothing is stored.
     */
    private Map<Long, DaySpend[]> storedDays(List<AdAccount> linked, DateRange range) {
        Map<Long, DaySpend[]> stored = new HashMap<>();
        if (linked.isEmpty()) {
            return stored;
        }
        long first = range.from().toEpochDay();
        int length = dayCount(range);
        jdbc.sql("select ad_account_id, day, amount_micros, currency, fetched_at from spend_day "
                        + "where ad_account_id = any(?) and day between ? and ? order by ad_account_id, day")
                .params(linked.stream().map(AdAccount::id).toArray(Long[]::new), range.from(), range.to())
                .query((ResultSet rs) -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    stored.computeIfAbsent(rs.getLong("ad_account_id"), id -> new DaySpend[length])
                            [(int) (day.toEpochDay() - first)] = new DaySpend(day,
                                    Money.ofMicros(rs.getLong("amount_micros"), rs.getString("currency")),
                                    rs.getObject("fetched_at", OffsetDateTime.class).toInstant());
                });
        return stored;
    }

    /**
     * @param stored the account's stored days of the range, by day of the range (null where none is stored)
     * @param lastError the error of the account's latest finished sync, or null when it succeeded
     */
    private AccountSpend readAccount(AdAccount account, DateRange range, DaySpend[] stored, String lastError) {
        List<DaySpend> days = new ArrayList<>(stored.length);
        List<LocalDate> missing = new ArrayList<>();
        String currency = null;
        boolean oneCurrency = true;
        long micros = 0;
        Instant lastFetched = null;
        LocalDate day = range.from();
        for (DaySpend value : stored) {
            if (value == null) {
                days.add(new DaySpend(day, null, null));
                missing.add(day);
            } else {
                days.add(value);
                if (currency == null) {
                    currency = value.spend().currency();
                }
                oneCurrency &= currency.equals(value.spend().currency());
                micros = Math.addExact(micros, value.spend().micros());
                if (lastFetched == null || value.fetchedAt().isAfter(lastFetched)) {
                    lastFetched = value.fetchedAt();
                }
            }
            day = day.plusDays(1);
        }
        Completeness status = !missing.isEmpty() ? Completeness.MISSING_DAYS
                : lastError != null ? Completeness.STALE : Completeness.COMPLETE;
        // An account whose currency changed has days in two currencies: no single total (the platform and
        // currency totals still count every day, per currency).
        Money total = currency == null || !oneCurrency ? null : Money.ofMicros(micros, currency);
        return new AccountSpend(account.id(), account.platform(), account.externalId(), account.currency(),
                account.timeZone(), status, List.copyOf(missing), lastFetched, lastError, total, List.copyOf(days));
    }

    /** Per platform and currency, ordered by platform, then currency. */
    private static List<PlatformTotal> platformTotals(List<AccountSpend> accounts) {
        Map<Platform, Map<String, Long>> totals = new EnumMap<>(Platform.class);
        for (AccountSpend account : accounts) {
            sumByCurrency(account.days(), totals.computeIfAbsent(account.platform(), p -> new TreeMap<>()));
        }
        List<PlatformTotal> result = new ArrayList<>();
        totals.forEach((platform, sums) -> sums.forEach((currency, micros) ->
                result.add(new PlatformTotal(platform, Money.ofMicros(micros, currency)))));
        return List.copyOf(result);
    }

    /** Per currency, ordered by currency. */
    private static List<Money> currencyTotals(List<AccountSpend> accounts) {
        Map<String, Long> totals = new TreeMap<>();
        for (AccountSpend account : accounts) {
            sumByCurrency(account.days(), totals);
        }
        return totals.entrySet().stream().map(e -> Money.ofMicros(e.getValue(), e.getKey())).toList();
    }

    private static void sumByCurrency(List<DaySpend> days, Map<String, Long> sums) {
        for (DaySpend day : days) {
            if (day.spend() != null) {
                sums.merge(day.spend().currency(), day.spend().micros(), Math::addExact);
            }
        }
    }
}
