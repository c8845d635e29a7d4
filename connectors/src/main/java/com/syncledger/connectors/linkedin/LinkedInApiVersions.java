package com.syncledger.connectors.linkedin;

import com.syncledger.connectors.spi.ApiVersionCalendar;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.Map;

/**
 * LinkedIn's monthly versions ({@code YYYYMM}), each supported for at least a year, with the sunset dates LinkedIn
 * published (learn.microsoft.com/linkedin/marketing/integrations/migrations; see docs/connectors/linkedin.md).
 */
public final class LinkedInApiVersions {

    public static final ApiVersionCalendar CALENDAR = new ApiVersionCalendar(Platform.LINKEDIN,
            LinkedInConnector.API_VERSION_VAR, LinkedInConnector.DEFAULT_API_VERSION,
            Map.of("202407", LocalDate.parse("2025-07-22"), "202411", LocalDate.parse("2025-11-17"),
                    "202601", LocalDate.parse("2027-01-15"), "202603", LocalDate.parse("2027-03-16")),
            "no published sunset date for this version (each is supported at least a year)");

    private LinkedInApiVersions() {
    }
}
