package com.syncledger.app.billing;

import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * When a day's spend is final: once its platform's restatement window (from the connector's descriptor)
 * has passed for it in the account's own calendar. A platform without a configured connector has no
 * known window, so its days cannot be called settled.
 */
@Component
public class RestatementWindows {

    private final FetchEngine engine;

    public RestatementWindows(FetchEngine engine) {
        this.engine = engine;
    }

    public OptionalInt days(Platform platform) {
        try {
            return OptionalInt.of(engine.descriptor(platform).restatementDays());
        } catch (IllegalStateException notConfigured) {
            return OptionalInt.empty();
        }
    }

    /** The first instant at which a fetch of {@code day} can no longer be revised by the platform. */
    public static Instant settlesAt(LocalDate day, int restatementDays, ZoneId zone) {
        return day.plusDays(restatementDays + 1L).atStartOfDay(zone).toInstant();
    }
}
