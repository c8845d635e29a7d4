package com.syncledger.app.cli;

import com.syncledger.app.database.BackgroundPostgres;
import com.syncledger.app.database.DatabaseConfiguration.DatabaseServer;
import com.syncledger.app.database.DatabaseSettings;
import com.syncledger.app.database.LedgerBackup;
import com.syncledger.app.database.SchemaMigrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Manage the database schema, back it up and restore it, stop the embedded server.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Rollback.class, DbCommand.Status.class, DbCommand.Backup.class,
                DbCommand.Restore.class, DbCommand.Stop.class})
final class DbCommand extends CommandGroup {

    /** A command on the schema: runs against the configured database, migrations off, and prints its lines. */
    abstract static class MigrationsCommand implements Callable<Integer> {
        @Mixin Session session;

        abstract List<String> lines(SchemaMigrations migrations);

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = SpringContexts.database(session.env(), false)) {
                session.out().println("Database: " + context.getBean(DatabaseServer.class).describe());
                lines(context.getBean(SchemaMigrations.class)).forEach(session.out()::println);
                return SyncLedgerCommand.OK;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations.")
    static final class Migrate extends MigrationsCommand {
        @Override
        List<String> lines(SchemaMigrations migrations) {
            return List.of("Applied " + migrations.migrate() + " migration(s).");
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Undo the newest migration, or all newer than --to VERSION (--to 0: everything).")
    static final class Rollback extends MigrationsCommand {
        @Option(names = "--to", paramLabel = "VERSION", description = "Keep migrations up to this version.")
        String to;

        @Override
        public Integer call() {
            if (to != null && !to.matches("\\d+(\\.\\d+)*")) {
                throw new IllegalArgumentException("--to must be a migration version such as 1 or 0, got '" + to + "'");
            }
            return super.call();
        }

        @Override
        List<String> lines(SchemaMigrations migrations) {
            List<String> undone = to == null ? migrations.rollbackLatest() : migrations.rollbackTo(to);
            return undone.isEmpty() ? List.of("Nothing to roll back.")
                    : undone.stream().map(v -> "Rolled back version " + v).toList();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show each migration and its state.")
    static final class Status extends MigrationsCommand {
        @Override
        List<String> lines(SchemaMigrations migrations) {
            return migrations.status().stream()
                    .map(s -> String.format("  V%-4s %-32s %-10s %s", s.version(), s.description(), s.state(),
                            s.installedOn()))
                    .toList();
        }
    }

    /**
     * A command that writes the ledger to a backup file or loads it from one, on the configured database with
     * migrations off, and prints what the file holds.
     */
    abstract static class BackupFileCommand implements Callable<Integer> {
        @Mixin Session session;

        /** What the command did: what the backup holds, and the closing line's start (e.g. where it went). */
        record Done(LedgerBackup.Contents contents, String line) {
        }

        abstract Done run(LedgerBackup backups);

        @Override
        public Integer call() {
            PrintWriter out = session.out();
            try (ConfigurableApplicationContext context = SpringContexts.database(session.env(), false)) {
                out.println("Database: " + context.getBean(DatabaseServer.class).describe());
                Done done = run(context.getBean(LedgerBackup.class));
                LedgerBackup.Contents contents = done.contents();
                contents.rows().forEach((table, rows) -> out.printf("  %-28s %,d rows%n", table, rows));
                out.printf("%s: %,d rows in %d tables, schema version %s.%n", done.line(), contents.totalRows(),
                        contents.rows().size(), contents.schemaVersion());
                return SyncLedgerCommand.OK;
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, description = {
            "Write a consistent snapshot of the whole ledger to FILE (gzip) and its SHA-256 to FILE.sha256.",
            "Safe while the service runs and syncs: every table is read in one transaction."})
    static final class Backup extends BackupFileCommand {
        @Parameters(paramLabel = "FILE", description = "The backup to write; must not exist.")
        Path file;

        @Override
        Done run(LedgerBackup backups) {
            return new Done(backups.backup(file), "Backed up to " + file);
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = {
            "Load a backup written by `db backup` into the configured database, all or nothing, after checking "
                    + "FILE.sha256.",
            "Refuses a ledger that holds data unless --force. Stop the service first."})
    static final class Restore extends BackupFileCommand {
        @Parameters(paramLabel = "FILE", description = "A backup written by `db backup`.")
        Path file;

        @Option(names = "--force", description = "Replace the ledger's data when it holds any.")
        boolean force;

        @Override
        Done run(LedgerBackup backups) {
            return new Done(backups.restore(file, force), "Restored from " + file);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = {
            "Stop the embedded database server, which runs in the background between commands; the next command "
                    + "that needs it starts it again.",
            "Refuses while another process, such as `serve`, is connected, unless --force."})
    static final class Stop implements Callable<Integer> {
        @Mixin Session session;

        @Option(names = "--force", description = "Stop even while others are connected; their open transactions "
                + "are rolled back.")
        boolean force;

        @Override
        public Integer call() {
            DatabaseSettings database = DatabaseSettings.fromEnv(session.env());
            PrintWriter out = session.out();
            if (database.external().isPresent()) {
                out.println("The database is external (SYNCLEDGER_DB_URL): nothing to stop.");
                return SyncLedgerCommand.OK;
            }
            BackgroundPostgres postgres = BackgroundPostgres.of(database.home());
            Optional<BackgroundPostgres.Running> running = postgres.running();
            if (running.isEmpty()) {
                postgres.stop(); // removes a stale pid file
                out.println("No database server is running with data in " + postgres.dataDirectory() + ".");
                return SyncLedgerCommand.OK;
            }
            int others = BackgroundPostgres.otherClients(running.get());
            if (others > 0 && !force) {
                session.err().println("error: " + others + " other connection(s) to the database server "
                        + "(is `serve` running?); stop them first, or use --force");
                return SyncLedgerCommand.FAILED;
            }
            postgres.stop();
            out.println("Stopped the database server (pid " + running.get().pid() + "), data in "
                    + postgres.dataDirectory() + ".");
            return SyncLedgerCommand.OK;
        }
    }
}
