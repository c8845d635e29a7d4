package com.syncledger.connectors.amazon;

import com.syncledger.connectors.wire.Env;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how the connector talks to Amazon Ads: the regional API host (NA, EU or FE), the Login with
 * Amazon token URL, the reporting media-type version, and how often and how long to wait for a report.
 */
record AmazonAdsSettings(URI baseUrl, URI tokenUrl, String apiVersion, Duration pollInterval, Duration reportTimeout) {

    static final String BASE_URL = "AMAZON_BASE_URL";
    static final String TOKEN_URL = "AMAZON_TOKEN_URL";
    static final String API_VERSION = "AMAZON_API_VERSION";
    static final String POLL_INTERVAL_MS = "AMAZON_POLL_INTERVAL_MS";
    static final String REPORT_TIMEOUT = "AMAZON_REPORT_TIMEOUT";

    static final String DEFAULT_BASE_URL = "https://advertising-api.amazon.com";
    static final String DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
    static final String DEFAULT_API_VERSION = "v3";
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    // Reports usually take 30-90 s; a fetch that waits longer fails as a timeout and is retried later,
    // when Amazon's 425 "duplicate" answer leads back to the report still being generated.
    static final Duration DEFAULT_REPORT_TIMEOUT = Duration.ofMinutes(5);

    AmazonAdsSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || reportTimeout.isNegative() || reportTimeout.isZero()) {
            throw new IllegalArgumentException("Amazon poll interval and report timeout must be positive");
        }
    }

    static AmazonAdsSettings fromEnv(Env env) {
        return new AmazonAdsSettings(
                env.url(BASE_URL, DEFAULT_BASE_URL),
                env.url(TOKEN_URL, DEFAULT_TOKEN_URL),
                env.getOrDefault(API_VERSION, DEFAULT_API_VERSION),
                env.get(POLL_INTERVAL_MS).map(ms -> Duration.ofMillis(number(POLL_INTERVAL_MS, ms).longValue()))
                        .orElse(DEFAULT_POLL_INTERVAL),
                env.get(REPORT_TIMEOUT).map(s -> seconds(number(REPORT_TIMEOUT, s))).orElse(DEFAULT_REPORT_TIMEOUT));
    }

    /** The media type of one reporting resource, e.g. {@code application/vnd.createasyncreportrequest.v3+json}. */
    String mediaType(String resource) {
        return "application/vnd." + resource + "." + apiVersion + "+json";
    }

    /** Seconds, fractions allowed ("0.5"), so tests can use short deadlines. */
    private static Duration seconds(BigDecimal seconds) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    private static BigDecimal number(String name, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + text + "'");
        }
    }
}
