package com.syncledger.app.config;

import com.syncledger.connectors.wire.Env;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance name as a bean, and as the {@code instance} tag on every metric. */
@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

    @Bean
    InstanceName instanceName(Env env) {
        return InstanceName.resolve(env);
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> instanceTag(InstanceName instanceName) {
        return registry -> registry.config().commonTags("instance", instanceName.value());
    }
}
