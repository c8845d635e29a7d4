package com.syncledger.app.web;

import com.syncledger.app.problem.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What applies to every path: the body size limit (errors outside Spring MVC are problems, see the problem package). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebConfiguration {

    /** Right after the API key check: an unauthenticated body is never read at all. */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
