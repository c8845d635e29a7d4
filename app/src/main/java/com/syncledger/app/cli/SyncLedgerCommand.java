package com.syncledger.app.cli;

import com.syncledger.app.config.AppEnvironment;
import com.syncledger.app.problem.NotFoundException;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of {@code ./syncledger}. Exit codes: 0 success, 1 failure, 2 invalid input. */
@Command(name = "syncledger", mixinStandardHelpOptions = true, version = "SyncLedger 0.1.0",
        description = "An exact, versioned ledger of ad spend per store, platform and account-local day.",
        subcommands = {
                ServeCommand.class, DemoCommand.class, PlatformsCommand.class, FetchCommand.class, DbCommand.class,
                StoresCommand.class, AccountsCommand.class, ConnectionsCommand.class, SyncCommand.class, SpendCommand.class, BaselineCommand.class,
                SandboxCommand.class, ApiKeyCommand.class, LedgerCommand.class, FxCommand.class, AuditCommand.class,
                BillingCommand.class, StatementCommand.class, SecretsCommand.class,
                CommandLine.HelpCommand.class})
public final class SyncLedgerCommand extends CommandGroup {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_INPUT = 2;

    public static int run(String... args) {
        return run(AppEnvironment.load(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given settings and streams; used by tests too. */
    public static int run(Env env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SyncLedgerCommand(), new EnvFactory(env));
        cli.setExecutionStrategy(new LedgerServices(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof NotFoundException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return INVALID_INPUT;
            }
            commandLine.getErr().println("error: " + e.getMessage());
            return FAILED;
        });
        return cli.execute(args);
    }

    /** Gives every command the settings it runs with. */
    private record EnvFactory(Env env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Env.class).newInstance(env);
            } catch (NoSuchMethodException noEnv) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
