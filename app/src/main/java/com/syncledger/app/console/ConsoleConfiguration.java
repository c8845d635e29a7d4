package com.syncledger.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;

/**
 * The web console's door and its session cookie settings ({@code console.properties}: HttpOnly,
 * SameSite=Strict, cookies only, never an id in a URL).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@PropertySource("classpath:console.properties")
class ConsoleConfiguration {

    /** After the API key check and the body size limit, which run first on every request. */
    static final int GATE_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    FilterRegistrationBean<ConsoleGate> consoleGate() {
        FilterRegistrationBean<ConsoleGate> registration = new FilterRegistrationBean<>(new ConsoleGate());
        registration.setOrder(GATE_ORDER);
        return registration;
    }
}
