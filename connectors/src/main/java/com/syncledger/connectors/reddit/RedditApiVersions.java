package com.syncledger.connectors.reddit;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.Map;

/** Reddit Ads API versions: v2 was retired on 2025-09-30; no date is published for v3 (docs/connectors/reddit.md). */
public final class RedditApiVersions {

    public static final ApiVersionCalendar CALENDAR = new ApiVersionCalendar(Platform.REDDIT,
            RedditSettings.API_VERSION_VAR, RedditSettings.DEFAULT_API_VERSION,
            Map.of("v2", LocalDate.parse("2025-09-30")), "no published cadence or date for this version");

    private RedditApiVersions() {
    }
}
