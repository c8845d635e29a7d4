package com.syncledger.app.config;

import com.syncledger.connectors.wire.Env;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * SyncLedger's settings (the process environment, then {@code .env}) as a Spring property source that can
 * list what it holds, so Boot's Binder can bind records and maps from it. Each known variable that is set is
 * offered under its property name ({@code syncledger.fetch.max-attempts}); any {@code SYNCLEDGER_} variable
 * also under its own name, for placeholders such as {@code ${SYNCLEDGER_PORT:8090}}. A property's origin is its
 * variable, so Boot's binding errors name the variable to fix.
 */
public final class EnvPropertySource extends EnumerablePropertySource<Env> implements OriginLookup<String> {

    public static final String NAME = "syncledger-settings";

    private final SettingVariables variables;

    public EnvPropertySource(Env env, SettingVariables variables) {
        super(NAME, env);
        this.variables = variables;
    }

    @Override
    public String[] getPropertyNames() {
        List<String> names = new ArrayList<>();
        for (String property : variables.properties()) {
            String variable = variables.variable(property);
            if (getSource().has(variable)) {
                names.add(property);
                names.add(variable);
            }
        }
        return names.toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        String variable = variables.variable(name);
        if (variable != null) {
            return getSource().get(variable).orElse(null);
        }
        boolean knownVariable = variables.variableByProperty().containsValue(name);
        return knownVariable || name.startsWith("SYNCLEDGER_") ? getSource().raw(name) : null;
    }

    @Override
    public Origin getOrigin(String name) {
        String variable = variables.variable(name);
        return variable == null ? null : new VariableOrigin(variable);
    }

    private record VariableOrigin(String variable) implements Origin {
        @Override
        public String toString() {
            return variable + " (environment or .env)";
        }
    }
}
