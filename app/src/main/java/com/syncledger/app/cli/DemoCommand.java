package com.syncledger.app.cli;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.NewApiKey;
import com.syncledger.app.access.Role;
import com.syncledger.app.database.DatabaseConfiguration;
import com.syncledger.app.database.DatabaseConfiguration.DatabaseServer;
import com.syncledger.connectors.wire.Env;
import com.syncledger.sandbox.Sandbox;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The first experience: the sandbox platforms, an embedded database and the API on :8090, "
                + "all local. Stop with Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    private final Env env;

    @Spec
    CommandSpec spec;

    DemoCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Sandbox sandbox = Sandbox.startWithDemoData();
        // The demo's own data directory, so it never mixes with real data.
        String home = DatabaseConfiguration.home(env).resolve("demo").toString();
        NewApiKey apiKey = NewApiKey.generate(Role.WRITE);
        Env demoEnv = Env.of(sandbox.environment())
                .orElse(Env.of(Map.of("SYNCLEDGER_HOME", home, ApiKeys.VARIABLE, apiKey.entry())))
                .orElse(name -> name.startsWith("SYNCLEDGER_") && !name.startsWith("SYNCLEDGER_DB_")
                        && !name.equals("SYNCLEDGER_HOME") ? env.raw(name) : null);
        out.println("SyncLedger demo: every platform is a local sandbox fake; nothing leaves this machine.");
        out.println();
        PlatformsCommand.print(demoEnv, out);
        out.println();
        DemoFetch.print(demoEnv, out);
        out.println();
        out.println("Starting the service...");
        out.flush();
        ConfigurableApplicationContext context = SpringContexts.server(demoEnv);
        String port = context.getEnvironment().getProperty("local.server.port", "8090");
        out.println("Database: " + context.getBean(DatabaseServer.class).describe());
        out.println();
        DemoAccess.print(apiKey, "http://localhost:" + port, out);
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
        ServeCommand.awaitShutdown(context, sandbox);
        return SyncLedgerCommand.OK;
    }
}
