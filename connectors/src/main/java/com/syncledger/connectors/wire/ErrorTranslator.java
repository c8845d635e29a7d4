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

    /**
     * The common reading of an HTTP status that no rule of the platform's covered: 401 auth, 403 permission,
     * 404 not found, 429 rate-limited and 5xx transient (both with the answer's Retry-After, if any), any other
     * 4xx a refused request, and anything else an answer that cannot be read.
     */
    static ConnectorException byStatus(ConnectorException.Details details, WireResponse response) {
        int status = response.status();
        return switch (status) {
            case 401 -> new ConnectorException.Auth(details);
            case 403 -> new ConnectorException.Permission(details);
            case 404 -> new ConnectorException.NotFound(details);
            case 429 -> new ConnectorException.RateLimited(details, RetryAfter.parse(response));
            default -> {
                if (status >= 500) {
                    yield new ConnectorException.Transient(details, RetryAfter.parse(response), null);
                }
                yield status >= 400 ? new ConnectorException.InvalidRequest(details)
                        : new ConnectorException.BadResponse(details);
            }
        };
    }
}
