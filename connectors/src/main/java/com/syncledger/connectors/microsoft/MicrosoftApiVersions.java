package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;

/**
 * Microsoft Advertising API v13, current since 2019 with no v14 announced and no sunset date (the SOAP protocol's
 * retirement does not concern the REST calls SyncLedger makes; docs/connectors/microsoft.md).
 */
public final class MicrosoftApiVersions {

    public static final ApiVersionCalendar CALENDAR = ApiVersionCalendar.nonePublished(Platform.MICROSOFT,
            "MICROSOFT_API_VERSION", MicrosoftSettings.DEFAULT_API_VERSION, "no sunset date published");

    private MicrosoftApiVersions() {
    }
}
