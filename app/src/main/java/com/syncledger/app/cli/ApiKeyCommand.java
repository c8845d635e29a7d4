package com.syncledger.app.cli;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apikey", mixinStandardHelpOptions = true, description = "API keys for the HTTP API.",
        subcommands = ApiKeyCommand.Create.class)
final class ApiKeyCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Generate a random API key; prints the key once and the " + ApiKeys.VARIABLE
                    + " entry (its hash) that makes the service accept it. Nothing is stored.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--role", required = true, paramLabel = "read|write",
                description = "read: GET only; write: every method") String role;

        @Override
        public Integer call() {
            NewApiKey key = NewApiKey.generate(Role.fromSlug(role));
            PrintWriter out = spec.commandLine().getOut();
            out.println("API key (" + key.role().slug() + "), shown only now; give it to the client:");
            out.println("  " + key.key());
            out.println("Add this entry to " + ApiKeys.VARIABLE + " (comma-separated) and restart the service:");
            out.println("  " + key.entry());
            return SyncLedgerCommand.OK;
        }
    }
}
