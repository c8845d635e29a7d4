package com.syncledger.app.fetch;

import com.syncledger.app.config.SettingVariables;
import com.syncledger.app.connections.ConnectionStore;
import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.connectors.wire.Env;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fetch engine as the service's one shared instance, so tokens are shared by all its syncs; its rate budgets
 * live in the database, shared with every other process using the same credentials.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    /** The variables {@link FetchSettings} is bound from. */
    @Bean
    static SettingVariables fetchSettingVariables() {
        return FetchSettings.VARIABLES;
    }

    @Bean
    FetchEngine fetchEngine(Env env, FetchSettings settings, ObjectProvider<MeterRegistry> meters,
            StoredRefreshTokens storedTokens, ConnectionStore connections, DataSource database) {
        return FetchEngine.builder(env)
                .settings(settings)
                .meters(meters.getIfAvailable(SimpleMeterRegistry::new))
                .database(storedTokens, database)
                .connections(connections)
                .build();
    }
}
