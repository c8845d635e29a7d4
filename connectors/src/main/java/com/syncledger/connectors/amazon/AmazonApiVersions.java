package com.syncledger.connectors.amazon;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;

/** Amazon Ads reporting v3, versioned by media type; no sunset date is published for it (docs/connectors/amazon.md). */
public final class AmazonApiVersions {

    public static final ApiVersionCalendar CALENDAR = ApiVersionCalendar.nonePublished(Platform.AMAZON,
            AmazonAdsSettings.API_VERSION, AmazonAdsSettings.DEFAULT_API_VERSION, "no sunset date published");

    private AmazonApiVersions() {
    }
}
