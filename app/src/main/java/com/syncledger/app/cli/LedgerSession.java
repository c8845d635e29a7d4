package com.syncledger.app.cli;

import com.syncledger.connectors.wire.Env;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs one CLI command against the migrated database and closes everything afterwards. */
final class LedgerSession {

    private LedgerSession() {
    }

    static <T> T run(Env env, Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext context = SpringContexts.database(env, true)) {
            return work.apply(context);
        }
    }
}
