package com.syncledger.app.database;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/** Starts SyncLedger on a fresh test database, optionally with its HTTP API on a random port. */
public final class TestApp {

    /** Keys every test app accepts unless the test configures {@code SYNCLEDGER_API_KEYS} itself. */
    public static final NewApiKey WRITE_KEY = new NewApiKey("slk_test-write-key", Role.WRITE);
    public static final NewApiKey READ_KEY = new NewApiKey("slk_test-read-key", Role.READ);

    private TestApp() {
    }

    /**
     * {@code settings} with every platform's request budget out of the way: the fakes have no limits, and the real
     * platforms' would only slow a test down. The copy may be changed further.
     */
    public static Map<String, String> withRoomyBudgets(Map<String, String> settings) {
        Map<String, String> roomy = new HashMap<>(settings);
        for (Platform platform : Platform.values()) {
            roomy.put("SYNCLEDGER_FETCH_RATE_LIMIT_" + platform.name(), "1000/1s");
        }
        return roomy;
    }

    public static ConfigurableApplicationContext start(boolean web, Map<String, String> settings) {
        return start(web, settings, List.of());
    }

    /** @param properties further Spring properties ({@code name=value}) */
    public static ConfigurableApplicationContext start(boolean web, Map<String, String> settings,
            List<String> properties) {
        Map<String, String> withKeys = new HashMap<>(settings);
        withKeys.putIfAbsent(ApiKeys.VARIABLE, WRITE_KEY.entry() + "," + READ_KEY.entry());
        return start(web, TestDatabase.fresh().env(withKeys), properties);
    }

    /** Starts SyncLedger with exactly these settings (e.g. another database than a fresh test one). */
    public static ConfigurableApplicationContext start(boolean web, Env env, List<String> properties) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        Stream.concat(Stream.of("server.port=0", "syncledger.sync.schedule.enabled=false"), properties.stream())
                .forEach(p -> overrides.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
        return new SpringApplicationBuilder(SyncLedgerApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .listeners(new Overrides(overrides))
                .initializers(c -> c.getBeanFactory().registerSingleton("env", env))
                .run();
    }

    /**
     * Puts the test's properties above application.properties (which sets e.g. {@code server.port} and log
     * levels), after it is read but before logging is set up from it.
     */
    private record Overrides(Map<String, Object> properties)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER - 1;
        }
    }

    public static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }
}
