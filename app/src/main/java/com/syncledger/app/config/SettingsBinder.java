package com.syncledger.app.config;

import com.syncledger.connectors.wire.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * Binds a {@code @ConfigurationProperties} record from an {@link Env} with Boot's Binder and its conversions
 * (durations such as {@code 500ms}, {@code 30s} or {@code PT1M}), plus rate limits written {@code requests/period}
 * and file system paths.
 * A value that cannot be used fails with an {@link IllegalArgumentException} naming its variable.
 */
public final class SettingsBinder {

    private static final ApplicationConversionService CONVERSIONS = conversions();

    private SettingsBinder() {
    }

    /** The record bound from {@code prefix}; its defaults where no variable is set. */
    public static <T> T bind(Env env, String prefix, Class<T> type, SettingVariables variables) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new EnvPropertySource(env, variables)), null,
                CONVERSIONS);
        try {
            return binder.bindOrCreate(prefix, type);
        } catch (BindException e) {
            throw new IllegalArgumentException(describe(e, prefix, variables), e);
        }
    }

    private static ApplicationConversionService conversions() {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new RateLimitConverter());
        conversions.addConverter(new DurationWithUnitConverter());
        conversions.addConverter(String.class, Path.class, text -> Path.of(text.strip()));
        return conversions;
    }

    private static String describe(BindException e, String prefix, SettingVariables variables) {
        Throwable cause = rootCause(e);
        if (cause instanceof InvalidSettingException invalid) {
            String variable = variables.variable(prefix + "." + kebab(invalid.component()));
            return variable == null ? invalid.getMessage() : variable + ": " + invalid.getMessage();
        }
        ConfigurationProperty property = e.getProperty();
        String variable = property == null ? null : variables.variable(property.getName().toString());
        if (variable == null) {
            return cause.getMessage();
        }
        Class<?> type = e.getTarget().getType().resolve();
        String value = "'" + property.getValue() + "'";
        if (type == Duration.class) {
            return variable + " must be a duration such as 500ms, 30s, 10m or PT1M, not " + value;
        }
        if (type == int.class || type == Integer.class) {
            return variable + " must be a whole number, not " + value;
        }
        return variable + " has an unusable value " + value + ": " + cause.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
