package com.syncledger.connectors.pinterest;

import com.syncledger.connectors.spi.AccountId;
import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.wire.JsonAnswer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the documented reading of {@code DATE} (UTC days) honest where Pinterest's answer can contradict it.
 * For an account whose own {@code time_zone} is not UTC, the default answer for recent days is compared once
 * with the answer asked with {@code reporting_timezone=AD_ACCOUNT_TIME_ZONE}: if they are the same days with the
 * same spend, the default days are the account zone's, not UTC's, and the account is refused rather than its
 * spend filed under shifted days. The parameter is a closed beta; where Pinterest refuses it for this app,
 * nothing can be compared and the documented reading stands.
 */
final class PinterestDayZoneCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PinterestDayZoneCheck.class);
    /** Two weeks of completed days in every zone, well inside the 90 days analytics reach back. */
    private static final int DAYS_COMPARED = 14;

    private final Function<String, JsonAnswer> get;
    private final Clock clock;
    private final Set<String> settled = ConcurrentHashMap.newKeySet();

    /** @param get one GET of the versioned API, given the path and query after the version */
    PinterestDayZoneCheck(Function<String, JsonAnswer> get, Clock clock) {
        this.get = get;
        this.clock = clock;
    }

    /**
     * @throws ConnectorException.BadResponse when the default answer is cut in the account's own zone
     */
    void requireUtcDays(AccountId account, ZoneId ownZone) {
        if (isUtc(ownZone) || settled.contains(account.value())) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DateRange recent = DateRange.of(today.minusDays(DAYS_COMPARED + 1L), today.minusDays(2));
        JsonAnswer asDefault = get.apply(PinterestConnector.analyticsPath(account, recent));
        JsonAnswer inOwnZone;
        try {
            inOwnZone = get.apply(PinterestConnector.analyticsPath(account, recent) + "&reporting_timezone=AD_ACCOUNT_TIME_ZONE");
        } catch (ConnectorException.InvalidRequest closedBeta) {
            LOG.info("event=day_zone_unverifiable platform=pinterest account={} reason=\"reporting_timezone refused: {}\""
                    + " days_in=UTC (documented)", account.value(), closedBeta.getMessage());
            settled.add(account.value());
            return;
        }
        Map<LocalDate, Long> defaultDays = PinterestMapper.spendByDate(asDefault.body(), account.value(), asDefault.requestId());
        Map<LocalDate, Long> ownZoneDays = PinterestMapper.spendByDate(inOwnZone.body(), account.value(), inOwnZone.requestId());
        if (defaultDays.values().stream().allMatch(micros -> micros == 0)) {
            return; // no spend to compare: asked again on the next lookup
        }
        if (defaultDays.equals(ownZoneDays)) {
            throw PinterestErrors.badResponse(asDefault.requestId(), "cut its DATE days in the ad account's time zone '"
                    + ownZone + "', not in UTC as documented: the default analytics for " + recent
                    + " equal those asked with reporting_timezone=AD_ACCOUNT_TIME_ZONE; refusing rather than"
                    + " filing spend under days shifted from the account's own");
        }
        settled.add(account.value());
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
    }
}
