package com.syncledger.app.cli;

import com.syncledger.app.access.ApiKeys;
import com.syncledger.app.access.MissingApiKeysException;
import com.syncledger.connectors.wire.Env;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP API (port SYNCLEDGER_PORT, default 8090) with scheduled syncs. Needs at least "
                + "one API key in SYNCLEDGER_API_KEYS (see `apikey create`).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    private final Env env;

    ServeCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Checked before anything starts: a server without keys would refuse every request.
        if (ApiKeys.from(env).isEmpty()) {
            throw new MissingApiKeysException();
        }
        ConfigurableApplicationContext context = SpringContexts.server(env);
        awaitShutdown(context);
        return SyncLedgerCommand.OK;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes {@code resources} in order. */
    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                }
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
