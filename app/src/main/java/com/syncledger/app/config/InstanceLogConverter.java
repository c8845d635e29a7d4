package com.syncledger.app.config;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %instance} in the log pattern: which instance wrote the line, when several share one database. */
public final class InstanceLogConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return InstanceName.current();
    }
}
