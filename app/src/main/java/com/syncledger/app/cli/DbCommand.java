package com.syncledger.app.cli;

import com.syncledger.app.database.DatabaseConfiguration.DatabaseServer;
import com.syncledger.app.database.SchemaMigrations;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Manage the database schema.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Rollback.class, DbCommand.Status.class})
final class DbCommand extends CommandGroup {

    /** Runs {@code work} against the configured database, migrations off, and prints its lines. */
    static int withMigrations(Env env, PrintWriter out, Function<SchemaMigrations, List<String>> work) {
        try (ConfigurableApplicationContext context = SpringContexts.database(env, false)) {
            out.println("Database: " + context.getBean(DatabaseServer.class).describe());
            work.apply(context.getBean(SchemaMigrations.class)).forEach(out::println);
            return SyncLedgerCommand.OK;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations.")
    static final class Migrate implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;

        Migrate(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            return withMigrations(env, spec.commandLine().getOut(),
                    m -> List.of("Applied " + m.migrate() + " migration(s)."));
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Undo the newest migration, or all newer than --to VERSION (--to 0: everything).")
    static final class Rollback implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;

        @Option(names = "--to", paramLabel = "VERSION", description = "Keep migrations up to this version.")
        String to;

        Rollback(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            if (to != null && !to.matches("\\d+(\\.\\d+)*")) {
                throw new IllegalArgumentException("--to must be a migration version such as 1 or 0, got '" + to + "'");
            }
            return withMigrations(env, spec.commandLine().getOut(), m -> {
                List<String> undone = to == null ? m.rollbackLatest() : m.rollbackTo(to);
                return undone.isEmpty() ? List.of("Nothing to roll back.")
                        : undone.stream().map(v -> "Rolled back version " + v).toList();
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show each migration and its state.")
    static final class Status implements Callable<Integer> {
        private final Env env;
        @Spec CommandSpec spec;

        Status(Env env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            return withMigrations(env, spec.commandLine().getOut(), m -> m.status().stream()
                    .map(s -> String.format("  V%-4s %-32s %-10s %s", s.version(), s.description(), s.state(),
                            s.installedOn()))
                    .toList());
        }
    }
}
