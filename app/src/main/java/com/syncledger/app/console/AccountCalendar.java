package com.syncledger.app.console;

import com.syncledger.app.billing.RestatementWindows;
import com.syncledger.app.ledger.StoreSpend.AccountSpend;
import com.syncledger.app.ledger.StoreSpend.DaySpend;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One account's days as a calendar, a row per month: each day complete, stale (its last sync failed, so the
 * value is the last known one), missing (no value at all) or unsettled (last fetched inside the platform's
 * restatement window, so it may still change), as billing judges them.
 */
record AccountCalendar(String platform, String externalId, String timeZone, Map<DayState, Integer> counts,
        List<String> missingSpans, List<MonthRow> months) {

    enum DayState {
        COMPLETE("C"), STALE("S"), MISSING("M"), UNSETTLED("U");

        private final String letter;

        DayState(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A day of the calendar; {@code state} is null for days outside the range shown. */
    record DayCell(LocalDate date, DayState state, String amount) {
    }

    record MonthRow(YearMonth month, List<DayCell> days) {
    }

    static AccountCalendar of(AccountSpend account, OptionalInt restatementDays, ZoneId fallbackZone) {
        ZoneId zone = account.timeZone() == null ? fallbackZone : ZoneId.of(account.timeZone());
        boolean stale = account.lastSyncError() != null;
        Map<DayState, Integer> counts = new EnumMap<>(DayState.class);
        Map<YearMonth, DayCell[]> months = new TreeMap<>();
        for (DaySpend day : account.days()) {
            DayState state = state(day, stale, restatementDays, zone);
            counts.merge(state, 1, Integer::sum);
            YearMonth month = YearMonth.from(day.date());
            months.computeIfAbsent(month, m -> new DayCell[31])[day.date().getDayOfMonth() - 1] =
                    new DayCell(day.date(), state, day.spend() == null ? "" : day.spend().toDecimalString());
        }
        List<MonthRow> rows = new ArrayList<>();
        months.forEach((month, cells) -> {
            List<DayCell> days = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                days.add(cells[i] != null ? cells[i] : new DayCell(null, null, ""));
            }
            rows.add(new MonthRow(month, days));
        });
        return new AccountCalendar(account.platform().displayName(), account.externalId(), zone.getId(), counts,
                spans(account.missingDays()), rows);
    }

    private static DayState state(DaySpend day, boolean stale, OptionalInt restatementDays, ZoneId zone) {
        if (day.spend() == null) {
            return DayState.MISSING;
        }
        if (stale) {
            return DayState.STALE;
        }
        boolean settled = restatementDays.isPresent() && !day.fetchedAt()
                .isBefore(RestatementWindows.settlesAt(day.date(), restatementDays.getAsInt(), zone));
        return settled ? DayState.COMPLETE : DayState.UNSETTLED;
    }

    /** Missing days as runs, e.g. {@code 2026-10-01 to 2026-10-05 (5 days)}, so a long gap reads as one line. */
    static List<String> spans(List<LocalDate> days) {
        List<String> spans = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
                j++;
            }
            spans.add(i == j ? days.get(i).toString()
                    : days.get(i) + " to " + days.get(j) + " (" + (j - i + 1) + " days)");
            i = j + 1;
        }
        return spans;
    }

    public int completeDays() {
        return counts.getOrDefault(DayState.COMPLETE, 0);
    }

    public int unsettledDays() {
        return counts.getOrDefault(DayState.UNSETTLED, 0);
    }

    public int staleDays() {
        return counts.getOrDefault(DayState.STALE, 0);
    }

    public int missingDays() {
        return counts.getOrDefault(DayState.MISSING, 0);
    }
}
