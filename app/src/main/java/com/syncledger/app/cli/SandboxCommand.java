package com.syncledger.app.cli;

import com.syncledger.sandbox.Sandbox;
import com.syncledger.sandbox.SandboxMain;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the fake ad platforms on loopback with demo accounts, printing their URLs and the "
                + "environment that points SyncLedger at them. Stop with Ctrl-C.")
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        // It runs for as long as the user lets it: the fakes keep only their recent requests.
        Sandbox sandbox = Sandbox.startWithDemoData().recordAtMost(1_000);
        spec.commandLine().getOut().println(SandboxMain.describe(sandbox));
        spec.commandLine().getOut().flush();
        ServeCommand.awaitShutdown(sandbox);
        return SyncLedgerCommand.OK;
    }
}
