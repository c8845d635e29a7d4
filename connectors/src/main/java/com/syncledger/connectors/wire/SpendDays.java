package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import com.syncledger.connectors.spi.SpendReport.Gap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects spend rows (one per campaign, page or report) into one amount per day and builds the
 * {@link SpendReport}. A day is reported only when the answer vouches for it: it has a row, or the connector
 * said which days the answer covers ({@link #covered}), so an absent row there means no delivery. Every other
 * day is missing, never zero ({@link #uncovered} gives the reason). A row for a day outside the range is
 * ignored and counted: a platform may add a boundary bucket, and it is not spend of this range. A row in
 * another currency is a bad response, never silently converted. Not thread-safe: one per fetch.
 */
public final class SpendDays {

    private static final Logger LOG = LoggerFactory.getLogger(SpendDays.class);
    private static final String NOT_COVERED = "the platform's answer has no row for the day and does not cover it";

    private final Platform platform;
    private final DateRange range;
    private final String currency;
    private final Map<LocalDate, Money> byDay = new TreeMap<>();
    private final Set<LocalDate> covered = new HashSet<>();
    private final Map<LocalDate, String> uncovered = new TreeMap<>();
    private final List<String> requestIds = new ArrayList<>();
    private int ignoredRows;

    public SpendDays(Platform platform, DateRange range, String currency) {
        this.platform = platform;
        this.range = range;
        this.currency = currency;
    }

    public void add(LocalDate day, Money spend, String requestId) {
        if (!range.contains(day)) {
            ignoredRows++;
            LOG.debug("ignored row outside the range platform={} day={} range={} request_id={}",
                    platform.slug(), day, range, requestId);
            return;
        }
        if (!spend.currency().equals(currency)) {
            throw new ConnectorException.BadResponse(new Details(platform, 200, null, requestId,
                    platform.displayName() + " returned spend in " + spend.currency() + " for an account in " + currency));
        }
        byDay.merge(day, spend, Money::plus);
    }

    /**
     * The rows of one answer that has at most one row per day: a second row for a day of {@code part} is a bad
     * response, never added to the first.
     */
    public OneRowPerDay oneRowPerDay(DateRange part) {
        return new OneRowPerDay(part);
    }

    /** Adds an answer's rows to these days, refusing a day's second row. */
    public final class OneRowPerDay {

        private final DateRange part;
        private final Set<LocalDate> seen = new HashSet<>();

        private OneRowPerDay(DateRange part) {
            this.part = part;
        }

        public void add(LocalDate day, Money spend, String requestId) {
            if (part.contains(day) && !seen.add(day)) {
                throw new ConnectorException.BadResponse(new Details(platform, 200, null, requestId,
                        platform.displayName() + " sent spend for " + day + " twice"));
            }
            SpendDays.this.add(day, spend, requestId);
        }
    }

    /** The answer covered these days (of the range): a day without a row is a day without delivery. */
    public SpendDays covered(DateRange days) {
        days.dates().filter(range::contains).forEach(covered::add);
        return this;
    }

    /** The answer covered the whole range, e.g. the platform echoed it or documents absent days as zero. */
    public SpendDays coveredAll() {
        return covered(range);
    }

    /**
     * The answer cannot vouch for these days (before a retention limit, past the data's freshness): they are
     * missing even where a row came, since such a row may be partial.
     */
    public SpendDays uncovered(DateRange days, String reason) {
        days.dates().filter(range::contains).forEach(day -> uncovered.put(day, reason));
        return this;
    }

    public void requestId(String requestId) {
        if (requestId != null) {
            requestIds.add(requestId);
        }
    }

    /** Whether any row so far fell on {@code day}. */
    public boolean hasRow(LocalDate day) {
        return byDay.containsKey(day);
    }

    public SpendReport report() {
        List<DailySpend> days = new ArrayList<>();
        Map<LocalDate, String> missing = new TreeMap<>();
        for (LocalDate day : range.dates().toList()) {
            if (uncovered.containsKey(day)) {
                missing.put(day, uncovered.get(day));
            } else if (byDay.containsKey(day) || covered.contains(day)) {
                days.add(new DailySpend(day, byDay.getOrDefault(day, Money.zero(currency))));
            } else {
                missing.put(day, NOT_COVERED);
            }
        }
        return new SpendReport(range, days, requestIds, gaps(missing), ignoredRows);
    }

    /** Consecutive missing days with the same reason, as one gap each. */
    private static List<Gap> gaps(Map<LocalDate, String> missing) {
        List<Gap> gaps = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        String reason = null;
        for (Map.Entry<LocalDate, String> day : missing.entrySet()) {
            if (start != null && day.getKey().equals(end.plusDays(1)) && day.getValue().equals(reason)) {
                end = day.getKey();
                continue;
            }
            if (start != null) {
                gaps.add(new Gap(DateRange.of(start, end), reason));
            }
            start = day.getKey();
            end = start;
            reason = day.getValue();
        }
        if (start != null) {
            gaps.add(new Gap(DateRange.of(start, end), reason));
        }
        return gaps;
    }
}
