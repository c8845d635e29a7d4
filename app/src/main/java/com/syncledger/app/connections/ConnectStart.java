package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * An authorization under way: the consent page to open. The state is in the URL (and in {@code state}, for a
 * headless user to pair with the code later); the server keeps only its digest.
 */
public record ConnectStart(Platform platform, String label, Optional<Long> storeId, URI authorizeUrl, String state,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "ConnectStart[" + platform.slug() + ", " + label + "]";
    }
}
