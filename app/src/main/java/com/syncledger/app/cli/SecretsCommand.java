package com.syncledger.app.cli;

import com.syncledger.app.credentials.SealingKeys;
import com.syncledger.app.credentials.SecretKeyRotation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Manage the key stored tokens are sealed with.",
        subcommands = SecretsCommand.RotateKey.class)
final class SecretsCommand extends CommandGroup {

    @Command(name = "rotate-key", mixinStandardHelpOptions = true, description = {
            "Re-seal every stored token (connections' access and refresh tokens, stored refresh tokens) under the new "
                    + "key in " + SealingKeys.KEY_VARIABLE + "; they are read with the key being replaced, in "
                    + SealingKeys.PREVIOUS_KEY_VARIABLE + ".",
            "One transaction: an interrupted rotation changes nothing, and running it again completes it. Tokens "
                    + "already under the new key are left alone. A token neither key opens stops the rotation "
                    + "with nothing changed."})
    static final class RotateKey implements Callable<Integer> {
        @Mixin Session session;
        @Autowired SecretKeyRotation rotation;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
                description = "Values re-sealed between two progress lines (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--pause", paramLabel = "MILLIS", defaultValue = "0",
                description = "Milliseconds to wait after each batch, to spread the load on a busy database "
                        + "(default ${DEFAULT-VALUE}). The rows stay locked until the rotation commits.")
        long pauseMillis;

        @Override
        public Integer call() {
            SecretKeyRotation.Pace pace = new SecretKeyRotation.Pace(batchSize, Duration.ofMillis(pauseMillis));
            PrintWriter out = session.out();
            int resealed = rotation.rotate(pace, line -> {
                out.println(line);
                out.flush();
            });
            out.printf("Re-sealed %,d stored token values; committed.%n", resealed);
            return SyncLedgerCommand.OK;
        }
    }
}
