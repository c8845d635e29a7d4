package com.syncledger.app.cli;

import com.syncledger.connectors.PlatformCredentials;
import com.syncledger.connectors.spi.Platform;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "platforms", mixinStandardHelpOptions = true,
        description = "List the nine platforms and whether credentials are configured (environment and .env).")
final class PlatformsCommand implements Callable<Integer> {

    private final Env env;

    @Spec
    CommandSpec spec;

    PlatformsCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        print(env, spec.commandLine().getOut());
        return SyncLedgerCommand.OK;
    }

    static void print(Env env, PrintWriter out) {
        out.println("Platform Credentials Status:");
        int configured = 0;
        for (Platform platform : Platform.values()) {
            boolean ok = PlatformCredentials.configured(platform, env);
            configured += ok ? 1 : 0;
            out.printf("  %-22s %-10s %s%n", platform.displayName(), platform.slug(),
                    ok ? "Configured" : "Not configured");
        }
        out.printf("Configured: %d/%d platforms%n", configured, Platform.values().length);
    }
}
