package com.syncledger.app.cli;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.connectors.wire.Env;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring side of SyncLedger for the commands that need the database or the HTTP API. */
final class SpringContexts {

    private SpringContexts() {
    }

    /** The service with its HTTP API, migrated database and scheduler. */
    static ConfigurableApplicationContext server(Env env, String... properties) {
        return builder(env, WebApplicationType.SERVLET).properties(properties).run();
    }

    /** The database only, for commands such as {@code db} and {@code stores}. */
    static ConfigurableApplicationContext database(Env env, boolean migrate) {
        return builder(env, WebApplicationType.NONE)
                .properties("spring.flyway.enabled=" + migrate)
                .run();
    }

    private static SpringApplicationBuilder builder(Env env, WebApplicationType type) {
        return new SpringApplicationBuilder(SyncLedgerApplication.class)
                .web(type)
                .logStartupInfo(false)
                // Settings such as SYNCLEDGER_PORT may come from .env (or the demo), not only the process: the
                // context's properties are read from this bean (see config.SettingsConfiguration).
                .initializers(context -> context.getBeanFactory().registerSingleton("env", env));
    }
}
