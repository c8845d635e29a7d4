package com.syncledger.connectors.meta;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.Map;

/**
 * Meta Marketing API versions with the expiry dates of Meta's Marketing API version table (earlier than the Graph
 * API's own dates for the same version; developers.facebook.com/docs/marketing-api/marketing-api-changelog/versions;
 * see docs/connectors/meta.md).
 */
public final class MetaApiVersions {

    public static final ApiVersionCalendar CALENDAR = new ApiVersionCalendar(Platform.META,
            MetaConnector.VERSION_VAR, MetaConnector.DEFAULT_API_VERSION,
            Map.of("v21.0", LocalDate.parse("2025-09-09"), "v22.0", LocalDate.parse("2026-02-19"),
                    "v23.0", LocalDate.parse("2026-06-09"), "v24.0", LocalDate.parse("2026-11-10"),
                    "v25.0", LocalDate.parse("2027-02-23")),
            "no Marketing API expiry date published for this version yet");

    private MetaApiVersions() {
    }
}
