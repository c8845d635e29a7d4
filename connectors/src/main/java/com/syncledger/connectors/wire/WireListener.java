package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.Platform;
import java.time.Duration;

/** Told about every HTTP exchange, for latency metrics. {@code status} is 0 when no answer came. */
@FunctionalInterface
public interface WireListener {

    WireListener NONE = (platform, status, elapsed) -> { };

    void exchanged(Platform platform, int status, Duration elapsed);
}
