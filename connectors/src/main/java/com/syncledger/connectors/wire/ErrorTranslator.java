package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;

/**
 * One platform's reading of its failure answers: the one place that decides what an answer means and so
 * whether it is worth retrying. Each platform package has one, named {@code <Platform>Errors}.
 */
public interface ErrorTranslator {

    /** The platform's id of the request an answer belongs to; null when the platform sent none. */
    String requestId(WireResponse response);

    /** The exception an answer outside 2xx stands for. */
    ConnectorException translate(WireResponse response);

    /**
     * Whether the answer refuses the access token as expired, so that one refresh may help. Any 401, unless
     * the platform says more precisely.
     */
    default boolean isExpiredToken(WireResponse response) {
        return response.status() == 401;
    }
}
