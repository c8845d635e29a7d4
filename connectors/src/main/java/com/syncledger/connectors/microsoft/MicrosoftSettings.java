package com.syncledger.connectors.microsoft;

import com.syncledger.connectors.wire.Env;
import com.syncledger.connectors.wire.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The Microsoft Advertising settings, read from the environment. Secrets stay {@link Secret}s, so the
 * record's {@code toString} shows them as {@code ****}.
 *
 * @param reportingBaseUrl scheme, host and port of the Reporting service ({@code MICROSOFT_BASE_URL})
 * @param customerBaseUrl  scheme, host and port of Customer Management ({@code MICROSOFT_CUSTOMER_BASE_URL})
 * @param pollInterval     wait before each report poll ({@code MICROSOFT_POLL_INTERVAL_MS})
 * @param reportTimeout    how long one report may stay pending ({@code MICROSOFT_REPORT_TIMEOUT})
 */
record MicrosoftSettings(
        URI reportingBaseUrl,
        URI customerBaseUrl,
        URI tokenUrl,
        String apiVersion,
        Secret developerToken,
        String customerId,
        String clientId,
        Secret clientSecret,
        Secret refreshToken,
        Secret accessToken,
        String scope,
        Duration pollInterval,
        Duration reportTimeout) {

    static final String DEFAULT_REPORTING_BASE_URL = "https://reporting.api.bingads.microsoft.com";
    static final String DEFAULT_CUSTOMER_BASE_URL = "https://clientcenter.api.bingads.microsoft.com";
    static final String DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
    /** Production scope; the sandbox wants {@code https://api.ads.microsoft.com/msads.manage offline_access}. */
    static final String DEFAULT_SCOPE = "https://ads.microsoft.com/msads.manage offline_access";
    static final String DEFAULT_API_VERSION = "v13";
    /** The SDK's default; large reports take minutes. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** Microsoft suggests giving up on a report after about an hour. */
    static final Duration DEFAULT_REPORT_TIMEOUT = Duration.ofMinutes(60);

    /** @throws IllegalArgumentException naming the variable that is missing or unreadable */
    static MicrosoftSettings fromEnv(Env env) {
        Secret developerToken = env.secret("MICROSOFT_DEVELOPER_TOKEN");
        if (developerToken == null) {
            throw new IllegalArgumentException("MICROSOFT_DEVELOPER_TOKEN is required");
        }
        String customerId = env.get("MICROSOFT_CUSTOMER_ID")
                .orElseThrow(() -> new IllegalArgumentException("MICROSOFT_CUSTOMER_ID is required"));
        if (!customerId.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("MICROSOFT_CUSTOMER_ID must be the numeric customer id (e.g. 150489161)");
        }
        return new MicrosoftSettings(
                env.url("MICROSOFT_BASE_URL", DEFAULT_REPORTING_BASE_URL),
                env.url("MICROSOFT_CUSTOMER_BASE_URL", DEFAULT_CUSTOMER_BASE_URL),
                env.url("MICROSOFT_TOKEN_URL", DEFAULT_TOKEN_URL),
                env.getOrDefault("MICROSOFT_API_VERSION", DEFAULT_API_VERSION),
                developerToken,
                customerId,
                env.get("MICROSOFT_CLIENT_ID").orElse(null),
                env.secret("MICROSOFT_CLIENT_SECRET"),
                env.secret("MICROSOFT_REFRESH_TOKEN"),
                env.secret("MICROSOFT_ACCESS_TOKEN"),
                env.getOrDefault("MICROSOFT_OAUTH_SCOPE", DEFAULT_SCOPE),
                env.get("MICROSOFT_POLL_INTERVAL_MS").map(ms -> millis("MICROSOFT_POLL_INTERVAL_MS", ms))
                        .orElse(DEFAULT_POLL_INTERVAL),
                env.get("MICROSOFT_REPORT_TIMEOUT").map(MicrosoftSettings::timeout).orElse(DEFAULT_REPORT_TIMEOUT));
    }

    URI reportingUrl(String operation) {
        return URI.create(reportingBaseUrl + "/Reporting/" + apiVersion + "/" + operation);
    }

    URI customerUrl(String operation) {
        return URI.create(customerBaseUrl + "/CustomerManagement/" + apiVersion + "/" + operation);
    }

    private static Duration millis(String name, String value) {
        try {
            long ms = Long.parseLong(value);
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number of milliseconds, got '" + value + "'");
    }

    /** An ISO-8601 duration ({@code PT30M}) or a number of seconds. */
    private static Duration timeout(String value) {
        try {
            Duration timeout = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!timeout.isNegative() && !timeout.isZero()) {
                return timeout;
            }
        } catch (DateTimeParseException | NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                "MICROSOFT_REPORT_TIMEOUT must be a positive ISO-8601 duration (PT30M) or seconds, got '" + value + "'");
    }
}
