package com.syncledger.connectors.spi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The API version a connector speaks and the date the platform stops serving it, where the platform publishes
 * one.
 *
 * @param variable the setting that chooses the version, e.g. {@code LINKEDIN_API_VERSION}
 * @param sunset   empty when the platform published no date for this version
 * @param policy   what the platform says about the lifetime of its versions, for when no date is known
 */
public record ApiVersion(Platform platform, String version, String variable, Optional<LocalDate> sunset,
        String policy) {

    /** How long before a sunset {@link #warning} starts to warn. */
    public static final int WARNING_DAYS = 90;

    public ApiVersion {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(sunset, "sunset");
        Objects.requireNonNull(policy, "policy");
    }

    /** A warning when the version's sunset is past or at most {@link #WARNING_DAYS} days after {@code today}. */
    public Optional<String> warning(LocalDate today) {
        return sunset.flatMap(date -> {
            long days = ChronoUnit.DAYS.between(today, date);
            if (days > WARNING_DAYS) {
                return Optional.empty();
            }
            String when = days < 0 ? "was sunset on " + date + " (" + -days + " days ago)"
                    : days == 0 ? "is sunset today (" + date + ")"
                    : "is sunset on " + date + " (in " + days + " days)";
            return Optional.of(platform.displayName() + " API version " + version + " " + when + "; set " + variable
                    + " to a newer version");
        });
    }
}
