package com.syncledger.app.database;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.connectors.wire.Env;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts SyncLedger on a fresh test database, optionally with its HTTP API on a random port. */
public final class TestApp {

    private TestApp() {
    }

    public static ConfigurableApplicationContext start(boolean web, Map<String, String> settings) {
        Env env = TestDatabase.fresh().env(settings);
        return new SpringApplicationBuilder(SyncLedgerApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties("server.port=0", "syncledger.sync.schedule.enabled=false")
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env))
                .run();
    }

    public static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }
}
