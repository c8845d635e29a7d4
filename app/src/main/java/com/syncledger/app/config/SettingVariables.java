package com.syncledger.app.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which environment variable sets which Spring property, e.g. {@code SYNCLEDGER_FETCH_MAX_ATTEMPTS} sets
 * {@code syncledger.fetch.max-attempts}. The variables are named here once, because an {@code Env} cannot list
 * what it holds.
 */
public record SettingVariables(Map<String, String> variableByProperty) {

    public static final SettingVariables NONE = new SettingVariables(Map.of());

    public SettingVariables {
        variableByProperty = Map.copyOf(variableByProperty);
    }

    /**
     * One variable per suffix: {@code variablePrefix + suffix} sets {@code propertyPrefix.} and the suffix in
     * kebab case ({@code MAX_ATTEMPTS}: {@code max-attempts}).
     */
    public static SettingVariables of(String propertyPrefix, String variablePrefix, List<String> suffixes) {
        Map<String, String> names = new LinkedHashMap<>();
        suffixes.forEach(suffix -> names.put(propertyPrefix + "." + kebab(suffix), variablePrefix + suffix));
        return new SettingVariables(names);
    }

    /** These and {@code variable} setting {@code property}. */
    public SettingVariables with(String property, String variable) {
        Map<String, String> names = new LinkedHashMap<>(variableByProperty);
        names.put(property, variable);
        return new SettingVariables(names);
    }

    /** These and {@code other}'s. */
    public SettingVariables and(SettingVariables other) {
        Map<String, String> names = new LinkedHashMap<>(variableByProperty);
        names.putAll(other.variableByProperty);
        return new SettingVariables(names);
    }

    /** The variable that sets {@code property}; null for a property no variable sets. */
    public String variable(String property) {
        return variableByProperty.get(property);
    }

    public Collection<String> properties() {
        return variableByProperty.keySet();
    }

    private static String kebab(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The variable names only: a property such as {@code …password} beside its variable reads like a credential. */
    @Override
    public String toString() {
        return "SettingVariables" + new java.util.TreeSet<>(variableByProperty.values());
    }
}
