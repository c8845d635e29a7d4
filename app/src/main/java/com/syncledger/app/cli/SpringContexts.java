package com.syncledger.app.cli;

import com.syncledger.app.SyncLedgerApplication;
import com.syncledger.app.database.SchemaMigrations;
import com.syncledger.connectors.wire.Env;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
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

    /**
     * The database only, for commands such as {@code db} and {@code stores}. Beans are made when first asked
     * for, so a command pays for the services it uses, not for the whole application; the data source is made
     * at once, so a database that is unreachable or not durable is refused before the command starts. Only
     * {@code serve} syncs on a schedule.
     */
    static ConfigurableApplicationContext database(Env env, boolean migrate) {
        ConfigurableApplicationContext context = builder(env, WebApplicationType.NONE)
                .properties("spring.flyway.enabled=false", "spring.main.lazy-initialization=true",
                        "syncledger.sync.schedule.enabled=false",
                        "spring.autoconfigure.exclude=" + String.join(",", serviceOnlyAutoConfigurations()))
                .run();
        try {
            if (migrate) {
                context.getBean(SchemaMigrations.class).migrateIfBehind();
            }
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * What only the HTTP service needs: its metrics, health, actuator endpoints, OpenAPI document, templates,
     * request validation and task pools. Some of them register eagerly made post-processors, which would cost
     * every CLI command more than its own work.
     */
    private static final List<String> SERVICE_ONLY = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.micrometer.", "org.springdoc.",
            "org.springframework.boot.validation.", "org.springframework.boot.thymeleaf.",
            "org.springframework.boot.tomcat.", "org.springframework.boot.webmvc.",
            "org.springframework.boot.http.converter.", "org.springframework.boot.jdbc.autoconfigure.health.",
            "org.springframework.boot.jdbc.autoconfigure.metrics.", "org.springframework.boot.flyway.autoconfigure.FlywayEndpoint",
            "org.springframework.boot.autoconfigure.task.", "org.springframework.boot.autoconfigure.availability.",
            "org.springframework.boot.autoconfigure.ssl.");

    private static List<String> serviceOnlyAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, SpringContexts.class.getClassLoader()).getCandidates()
                .stream().filter(name -> SERVICE_ONLY.stream().anyMatch(name::startsWith)).toList();
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
