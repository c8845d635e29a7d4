package com.syncledger.app.fetch;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ErrorKind;

/**
 * Why an account failed: the kind, a readable message, and the platform's own error code and request id
 * (null when the platform sent none), so an operator can quote them to the platform's support.
 */
public record FetchError(ErrorKind kind, String message, String platformCode, String requestId) {

    public static FetchError of(ConnectorException e) {
        return new FetchError(e.kind(), e.getMessage(), e.platformCode(), e.requestId());
    }
}
