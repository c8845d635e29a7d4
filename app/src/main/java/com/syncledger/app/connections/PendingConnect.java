package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import java.net.URI;
import java.util.Optional;

/** A browser authorization under way, as its state row keeps it until the callback consumes it. */
record PendingConnect(Platform platform, String label, Optional<Long> storeId, Optional<String> codeVerifier,
        URI redirectUri, boolean expired) {
}
