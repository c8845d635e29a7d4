package com.syncledger.app.config;

import com.syncledger.connectors.spi.RateLimit;
import org.springframework.core.convert.converter.Converter;

/** A rate limit setting, {@code requests/period} such as {@code 600/1m} or {@code 15000/1d}. */
public final class RateLimitConverter implements Converter<String, RateLimit> {

    private static final DurationWithUnitConverter DURATIONS = new DurationWithUnitConverter();

    @Override
    public RateLimit convert(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("must be requests/period such as 600/1m, not '" + text + "'");
        }
        try {
            return new RateLimit(Integer.parseInt(text.substring(0, slash).strip()),
                    DURATIONS.convert(text.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be requests/period such as 600/1m, not '" + text + "': "
                    + e.getMessage(), e);
        }
    }
}
