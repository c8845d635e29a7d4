package com.syncledger.connectors.spi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's API versions: the one its connector speaks unless configured otherwise, and the sunset dates the
 * platform published for the versions SyncLedger knows. A version not in the table has an unknown sunset: dates
 * are never guessed from a platform's usual cadence.
 *
 * @param variable       the setting that chooses the version
 * @param defaultVersion the version used when {@code variable} is not set
 * @param sunsets        published sunset dates by version, as the connector spells the version
 * @param policy         what the platform says about its versions' lifetime, shown when no date is known
 */
public record ApiVersionCalendar(Platform platform, String variable, String defaultVersion,
        Map<String, LocalDate> sunsets, String policy) {

    public ApiVersionCalendar {
        sunsets = Map.copyOf(sunsets);
    }

    /** A platform that publishes no sunset dates for its versions. */
    public static ApiVersionCalendar nonePublished(Platform platform, String variable, String defaultVersion,
            String policy) {
        return new ApiVersionCalendar(platform, variable, defaultVersion, Map.of(), policy);
    }

    /** {@code configured} (or the default when null or blank) with its sunset, if published. */
    public ApiVersion version(String configured) {
        String version = configured == null || configured.isBlank() ? defaultVersion : configured.strip();
        // Meta and Google accept the version with or without its leading "v"; compare without it.
        if (defaultVersion.startsWith("v") && !version.toLowerCase(Locale.ROOT).startsWith("v")) {
            version = "v" + version;
        }
        String key = version.toLowerCase(Locale.ROOT);
        Optional<LocalDate> sunset = sunsets.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(key)).map(Map.Entry::getValue).findFirst();
        return new ApiVersion(platform, version, variable, sunset, policy);
    }
}
