package com.syncledger.app.access;

import com.syncledger.app.problem.ProblemWriter;
import com.syncledger.connectors.wire.Env;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * API key authentication for the HTTP server. A server without any configured key would serve nothing
 * but health, so it refuses to start instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessConfiguration {

    /** After request observation (so refusals are counted), before everything that reads the request. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    ApiKeys apiKeys(Env env) {
        ApiKeys keys = ApiKeys.from(env);
        if (keys.isEmpty()) {
            throw new MissingApiKeysException();
        }
        return keys;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, ProblemWriter problems) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, problems));
        registration.setOrder(ORDER);
        return registration;
    }
}
