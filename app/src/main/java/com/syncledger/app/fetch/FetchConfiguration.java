package com.syncledger.app.fetch;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.connectors.wire.Env;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fetch engine as the service's one shared instance, so rate budgets and tokens are shared by all syncs. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    FetchEngine fetchEngine(Env env, ObjectProvider<MeterRegistry> meters, StoredRefreshTokens storedTokens) {
        return FetchEngine.builder(env)
                .meters(meters.getIfAvailable(SimpleMeterRegistry::new))
                .storedTokens(storedTokens)
                .build();
    }
}
