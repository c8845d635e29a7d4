package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.RateLimit;
import com.syncledger.connectors.wire.Env;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The nine platforms: configured or not, and for a configured one what its connector declares (API version,
 * restatement window, retention, documented rate limit) and how much of its request budget is free now; on
 * request, a check of every platform's credentials. Token expiry is shown where a platform reports it;
 * none of the configured credential kinds carries a known expiry today, so the page says "not reported".
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class PlatformsPage {

    record PlatformLine(Platform platform, boolean configured, String apiVersion, Integer restatementDays,
            Integer retentionDays, String rateLimit, String budget, String tokenExpiry) {
    }

    private final Env env;
    private final FetchEngine engine;

    PlatformsPage(Env env, FetchEngine engine) {
        this.env = env;
        this.engine = engine;
    }

    List<PlatformLine> read() {
        return Arrays.stream(Platform.values()).map(this::line).toList();
    }

    private PlatformLine line(Platform platform) {
        if (!PlatformCredentials.configured(platform, env)) {
            return new PlatformLine(platform, false, null, null, null, null, null, null);
        }
        ConnectorDescriptor descriptor;
        try {
            descriptor = engine.descriptor(platform);
        } catch (RuntimeException incomplete) {
            // Credentials present but not enough to build a connector: shown as configured, details unknown.
            return new PlatformLine(platform, true, null, null, null, null, null, "not reported");
        }
        return new PlatformLine(platform, true, descriptor.apiVersion(), descriptor.restatementDays(),
                descriptor.retentionDays(), describe(descriptor.rateLimit()), budget(platform), "not reported");
    }

    /** The checks of every platform's credentials: one cheap authenticated call each, made now. */
    Map<Platform, String> checkCredentials() {
        Map<Platform, String> results = new EnumMap<>(Platform.class);
        engine.checkCredentials().forEach(check -> results.put(check.platform(), check.describe()));
        return results;
    }

    private String budget(Platform platform) {
        return engine.budgetUse(platform).map(use -> use.available() + " of " + use.burst()
                        + " requests free to go out at once" + (use.throttled() ? "; held back by the platform" : ""))
                .orElse("no request sent since start");
    }

    private static String describe(RateLimit limit) {
        return limit.requests() + " requests per " + limit.period().toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
