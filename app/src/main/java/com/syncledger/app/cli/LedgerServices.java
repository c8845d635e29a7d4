package com.syncledger.app.cli;

import com.syncledger.connectors.wire.Env;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.springframework.aop.TargetSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Gives the command about to run the services it declares as {@code @Autowired} fields, then runs it. Each
 * field gets a stand-in that opens the migrated database's Spring context (see {@link SpringContexts#database})
 * on its first call and passes the call on to what the context's {@code AutowireCapableBeanFactory} resolves for
 * the field. The command's services share that one context, which is closed when the command ends. So a
 * command whose input is refused never starts the database, {@code --help} never opens a context, and only the
 * command that runs pays for its services, not every command the CLI knows.
 */
final class LedgerServices implements CommandLine.IExecutionStrategy {

    private final Env env;

    LedgerServices(Env env) {
        this.env = env;
    }

    @Override
    public int execute(ParseResult parsed) {
        List<CommandLine> commands = parsed.asCommandLineList();
        CommandLine running = commands.get(commands.size() - 1);
        try (LazyContext context = new LazyContext(env)) {
            inject(running.getCommand(), context);
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    private static void inject(Object command, LazyContext context) {
        for (Field field : autowiredFields(command.getClass())) {
            field.setAccessible(true);
            try {
                field.set(command, standIn(field, context));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot inject " + field, e);
            }
        }
    }

    private static List<Field> autowiredFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Autowired.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object standIn(Field field, LazyContext context) {
        Class<?> type = field.getType();
        ProxyFactory proxy = new ProxyFactory();
        proxy.setTargetSource(new TargetSource() {
            @Override
            public Class<?> getTargetClass() {
                return type;
            }

            @Override
            public Object getTarget() {
                return context.resolve(field);
            }
        });
        if (type.isInterface()) {
            proxy.addInterface(type);
        } else {
            proxy.setProxyTargetClass(true);
        }
        return proxy.getProxy(type.getClassLoader());
    }

    /** The context of one command's services: opened on the first call of one of them, closed after the command. */
    private static final class LazyContext implements AutoCloseable {

        private final Env env;
        private ConfigurableApplicationContext context;

        LazyContext(Env env) {
            this.env = env;
        }

        synchronized Object resolve(Field field) {
            if (context == null) {
                // Thrown from the command's own call, so a database that cannot be used is reported as before.
                context = SpringContexts.database(env, true);
            }
            return context.getAutowireCapableBeanFactory().resolveDependency(new DependencyDescriptor(field, true),
                    null);
        }

        @Override
        public synchronized void close() {
            if (context != null) {
                context.close();
            }
        }
    }
}
