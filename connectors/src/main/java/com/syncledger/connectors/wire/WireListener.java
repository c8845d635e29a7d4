package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.Platform;
import java.time.Duration;

/**
 * Told about every HTTP exchange: before it is sent (where a rate budget may pace or refuse it) and after
 * it ended, for latency metrics. {@code status} is 0 when no answer came.
 */
@FunctionalInterface
public interface WireListener {

    WireListener NONE = (platform, status, elapsed) -> { };

    void exchanged(Platform platform, int status, Duration elapsed);

    /**
     * Called on the sending thread just before a request goes out. It may block to keep a request budget,
     * or throw a {@link com.syncledger.connectors.spi.ConnectorException} to refuse the request; a refused
     * request is not sent and not reported to {@link #exchanged}.
     */
    default void sending(Platform platform) {
    }

    /** This listener, then {@code next}. */
    default WireListener andThen(WireListener next) {
        WireListener first = this;
        return new WireListener() {
            @Override
            public void sending(Platform platform) {
                first.sending(platform);
                next.sending(platform);
            }

            @Override
            public void exchanged(Platform platform, int status, Duration elapsed) {
                first.exchanged(platform, status, elapsed);
                next.exchanged(platform, status, elapsed);
            }
        };
    }
}
