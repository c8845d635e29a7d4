package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.DailySpend;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects spend rows (one per campaign, page or report) into one amount per day and builds the
 * zero-filled {@link SpendReport}. Rows outside the range or in another currency are a bad response,
 * never silently dropped or converted. Not thread-safe: one per fetch.
 */
public final class SpendDays {

    private final Platform platform;
    private final DateRange range;
    private final String currency;
    private final Map<LocalDate, Money> byDay = new TreeMap<>();
    private final List<String> requestIds = new ArrayList<>();

    public SpendDays(Platform platform, DateRange range, String currency) {
        this.platform = platform;
        this.range = range;
        this.currency = currency;
    }

    public void add(LocalDate day, Money spend, String requestId) {
        if (!range.contains(day)) {
            throw new ConnectorException.BadResponse(new Details(platform, 200, null, requestId,
                    platform.displayName() + " returned spend for " + day + ", outside the requested " + range));
        }
        if (!spend.currency().equals(currency)) {
            throw new ConnectorException.BadResponse(new Details(platform, 200, null, requestId,
                    platform.displayName() + " returned spend in " + spend.currency() + " for an account in " + currency));
        }
        byDay.merge(day, spend, Money::plus);
    }

    public void requestId(String requestId) {
        if (requestId != null) {
            requestIds.add(requestId);
        }
    }

    /** Adds a partial report, e.g. of one sub-range. */
    public void addAll(SpendReport part) {
        part.days().stream().filter(d -> !d.spend().isZero()).forEach(d -> add(d.date(), d.spend(), null));
        requestIds.addAll(part.requestIds());
    }

    public SpendReport report() {
        List<DailySpend> days = range.dates()
                .map(day -> new DailySpend(day, byDay.getOrDefault(day, Money.zero(currency))))
                .toList();
        return new SpendReport(range, days, requestIds);
    }
}
