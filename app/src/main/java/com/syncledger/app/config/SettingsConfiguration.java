package com.syncledger.app.config;

import com.syncledger.connectors.wire.Env;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The settings records of a Spring context bind from its {@code env} bean, the same values the CLI reads
 * (process environment, then {@code .env}). Each module names its variables in a {@link SettingVariables}
 * bean; together they make the listable property source the records are bound from.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static RateLimitConverter rateLimitConverter() {
        return new RateLimitConverter();
    }

    @Bean
    @ConfigurationPropertiesBinding
    static DurationWithUnitConverter durationWithUnitConverter() {
        return new DurationWithUnitConverter();
    }

    @Bean
    static BeanFactoryPostProcessor envPropertySource() {
        return new EnvPropertySourceRegistrar();
    }

    /** Adds the property source before any bean is bound; the context's {@code env} bean is registered first. */
    private static final class EnvPropertySourceRegistrar implements BeanFactoryPostProcessor, EnvironmentAware {

        private ConfigurableEnvironment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (!beanFactory.containsBean("env") || environment.getPropertySources().contains(EnvPropertySource.NAME)) {
                return;
            }
            SettingVariables variables = beanFactory.getBeansOfType(SettingVariables.class).values().stream()
                    .reduce(SettingVariables.NONE, SettingVariables::and);
            Env env = beanFactory.getBean("env", Env.class);
            environment.getPropertySources().addFirst(new EnvPropertySource(env, variables));
        }
    }
}
