package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.AccountInfo;
import com.syncledger.connectors.spi.ConnectorDescriptor;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.spi.SpendConnector;
import java.util.Objects;

/**
 * What every connector shares, so that a connector holds only what its platform's API makes different: a
 * descriptor fixed when it is built, and the days of one answer for a range that fits one request.
 */
public abstract class BaseConnector implements SpendConnector {

    private final ConnectorDescriptor descriptor;

    protected BaseConnector(ConnectorDescriptor descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    @Override
    public final ConnectorDescriptor descriptor() {
        return descriptor;
    }

    protected final Platform platform() {
        return descriptor.platform();
    }

    /**
     * The days one request's answer fills in, in the account's currency.
     *
     * @throws com.syncledger.connectors.spi.ConnectorException.InvalidRequest when {@code range} is longer than
     *         one request may cover, before any request is sent
     */
    protected final SpendDays oneRequestDays(DateRange range, AccountInfo info) {
        descriptor.requireOneRequest(range);
        return new SpendDays(descriptor.platform(), range, info.currency());
    }
}
