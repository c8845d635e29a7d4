package com.syncledger.connectors.google;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.Map;

/**
 * Google Ads API major versions with the sunset dates Google confirmed
 * (developers.google.com/google-ads/api/docs/sunset-dates; see docs/connectors/google.md). Later versions' dates
 * were only projected when last checked, so they are unknown here.
 */
public final class GoogleAdsApiVersions {

    public static final ApiVersionCalendar CALENDAR = new ApiVersionCalendar(Platform.GOOGLE,
            GoogleAdsConnector.VERSION_VAR, GoogleAdsConnector.DEFAULT_API_VERSION,
            Map.of("v19", LocalDate.parse("2026-02-11"), "v20", LocalDate.parse("2026-06-10"), "v21", LocalDate.parse("2026-08-05"),
                    "v22", LocalDate.parse("2026-10-07")),
            "no confirmed sunset date for this version yet (each major lives about a year)");

    private GoogleAdsApiVersions() {
    }
}
