package com.syncledger.app.connections;

import com.syncledger.connectors.wire.Env;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The token calendar, from the environment. */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    @Bean
    ConnectionCalendar connectionCalendar(Env env) {
        return ConnectionCalendar.of(env);
    }
}
