package com.syncledger.app.billing;

import com.syncledger.app.billing.BillingItems.EntryItem;
import com.syncledger.app.billing.BillingItems.SpendItem;
import com.syncledger.app.ledger.AdAccount;
import com.syncledger.app.ledger.SyncRuns;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a statement rests on for a span of days: the current spend of the store's linked accounts and
 * its ledger entries, and the gaps that keep it provisional (missing, stale or unsettled days, open revenue).
 */
@Component
class BillingData {

    /** The items of one span and what is missing from it. */
    record Span(List<SpendItem> spend, List<EntryItem> entries, List<Gap> gaps) {
    }

    /** An account-day and when the platform last vouched for its value (a fetch or a succeeded sync covering it). */
    private record StoredDay(SpendItem item, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;
    private final RestatementWindows windows;
    private final RevenueCloses closes;
    private final SyncRuns runs;
    private final FxRates fx;

    BillingData(JdbcClient jdbc, RestatementWindows windows, RevenueCloses closes, SyncRuns runs, FxRates fx) {
        this.jdbc = jdbc;
        this.windows = windows;
        this.closes = closes;
        this.runs = runs;
        this.fx = fx;
    }

    Span load(long storeId, ZoneId storeZone, List<AdAccount> accounts, DateRange range, String part) {
        List<Gap> gaps = new ArrayList<>();
        List<SpendItem> spend = new ArrayList<>();
        Map<Long, List<StoredDay>> days = storedDays(storeId, range);
        Map<Long, String> failures = runs.lastFailures(storeId);
        for (AdAccount account : accounts) {
            List<StoredDay> stored = days.getOrDefault(account.id(), List.of());
            stored.forEach(d -> spend.add(d.item()));
            ZoneId zone = account.timeZone() == null ? storeZone : ZoneId.of(account.timeZone());
            accountGaps(account, zone, range, part, stored, failures.get(account.id()), gaps);
        }
        List<EntryItem> entries = jdbc.sql("""
                select id, kind, entry_date, amount_micros, currency, platform from ledger_entry
                where store_id = ? and entry_date between ? and ? order by id""")
                .params(storeId, range.from(), range.to())
                .query(EntryItem::map)
                .list();
        LocalDate closedThrough = closes.closedThrough(storeId).orElse(null);
        if (closedThrough == null || closedThrough.isBefore(range.to())) {
            LocalDate open = closedThrough == null || closedThrough.isBefore(range.from()) ? range.from()
                    : closedThrough.plusDays(1);
            gaps.add(new Gap(Gap.Kind.OPEN_REVENUE, part, null, null, open, range.to(), null,
                    closedThrough == null ? "revenue is not closed" : "revenue is closed through " + closedThrough));
        }
        return new Span(spend, entries, gaps);
    }

    /** The rates two spans of days can use, including the publication days before each. */
    FxTable rates(DateRange first, DateRange second) {
        List<FxRate> rates = new ArrayList<>(fx.list(first.from().minusDays(FxTable.PUBLICATION_GAP_DAYS), first.to(),
                null));
        rates.addAll(fx.list(second.from().minusDays(FxTable.PUBLICATION_GAP_DAYS), second.to(), null));
        return new FxTable(rates);
    }

    private void accountGaps(AdAccount account, ZoneId zone, DateRange range, String part, List<StoredDay> stored,
            String failure, List<Gap> gaps) {
        Map<LocalDate, StoredDay> byDay = new HashMap<>();
        stored.forEach(d -> byDay.put(d.item().day(), d));
        dayRuns(range, day -> !byDay.containsKey(day)).forEach(missing -> gaps.add(new Gap(Gap.Kind.MISSING_DAYS,
                part, account.platform(), account.externalId(), missing.from(), missing.to(), null, null)));
        if (failure != null) {
            gaps.add(new Gap(Gap.Kind.STALE_ACCOUNT, part, account.platform(), account.externalId(), null, null, null,
                    "last sync failed: " + failure));
        }
        OptionalInt window = windows.days(account.platform());
        if (window.isEmpty()) {
            if (!stored.isEmpty()) {
                gaps.add(new Gap(Gap.Kind.UNSETTLED_DAYS, part, account.platform(), account.externalId(),
                        range.from(), range.to(), null, account.platform().displayName()
                        + " is not configured, so its restatement window is unknown"));
            }
            return;
        }
        dayRuns(range, day -> byDay.containsKey(day)
                && byDay.get(day).confirmedAt().isBefore(RestatementWindows.settlesAt(day, window.getAsInt(), zone)))
                .forEach(unsettled -> gaps.add(new Gap(Gap.Kind.UNSETTLED_DAYS, part, account.platform(),
                        account.externalId(), unsettled.from(), unsettled.to(), null,
                        "last fetched inside the " + window.getAsInt() + "-day restatement window; a sync from "
                                + unsettled.to().plusDays(window.getAsInt() + 1L) + " on settles it")));
    }

    /** The runs of consecutive days of the range that match. */
    private static List<DateRange> dayRuns(DateRange range, Predicate<LocalDate> matches) {
        List<DateRange> runs = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            if (matches.test(day) && start == null) {
                start = day;
            } else if (!matches.test(day) && start != null) {
                runs.add(DateRange.of(start, day.minusDays(1)));
                start = null;
            }
        }
        if (start != null) {
            runs.add(DateRange.of(start, range.to()));
        }
        return runs;
    }

    private Map<Long, List<StoredDay>> storedDays(long storeId, DateRange range) {
        Map<Long, List<StoredDay>> byAccount = new HashMap<>();
        jdbc.sql("""
                select d.ad_account_id, a.platform, a.external_id, d.day, d.amount_micros, d.currency,
                       d.current_version_id,
                       greatest(d.fetched_at, (select max(r.started_at) from sync_run r
                                               where r.ad_account_id = d.ad_account_id and r.status = 'succeeded'
                                                 and d.day between r.range_from and r.range_to)) as confirmed_at
                from spend_day d join ad_account a on a.id = d.ad_account_id
                where a.store_id = ? and a.unlinked_at is null and d.day between ? and ?
                order by d.ad_account_id, d.day""")
                .params(storeId, range.from(), range.to())
                .query((rs, row) -> {
                    long account = rs.getLong("ad_account_id");
                    SpendItem item = new SpendItem(rs.getLong("current_version_id"), account,
                            Platform.fromSlug(rs.getString("platform")), rs.getString("external_id"),
                            rs.getDate("day").toLocalDate(), rs.getLong("amount_micros"), rs.getString("currency"));
                    Timestamp confirmed = rs.getTimestamp("confirmed_at");
                    return byAccount.computeIfAbsent(account, k -> new ArrayList<>())
                            .add(new StoredDay(item, confirmed.toInstant()));
                }).list();
        return byAccount;
    }
}
