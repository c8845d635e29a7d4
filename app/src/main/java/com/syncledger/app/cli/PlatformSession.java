package com.syncledger.app.cli;

import com.syncledger.app.credentials.StoredRefreshTokens;
import com.syncledger.app.database.DatabaseSettings;
import com.syncledger.app.fetch.FetchEngine;
import com.syncledger.app.fetch.FetchSettings;
import com.syncledger.app.sync.SyncService;
import com.syncledger.connectors.wire.Env;
import java.nio.file.Files;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A fetch engine for one CLI command that talks to platforms. With a database (configured, or the embedded
 * one already created in the home) the refresh tokens platforms rotated are its one source of truth: the
 * engine reads the stored ones over the configured ones and stores what it rotates, holding the lock every
 * such command holds, so no two of them use or lose a superseded refresh token; and it takes its requests
 * from the rate budgets every process shares there. Without a database it works from the configured tokens
 * alone, with budgets of its own.
 */
final class PlatformSession {

    private PlatformSession() {
    }

    static <T> T run(Env env, FetchSettings settings, Function<FetchEngine, T> work) {
        if (!hasDatabase(env)) {
            return work.apply(FetchEngine.builder(env).settings(settings).build());
        }
        return LedgerSession.run(env, context -> context.getBean(SyncService.class).whileNoSyncRuns(() ->
                work.apply(FetchEngine.builder(env).settings(settings)
                        .database(context.getBean(StoredRefreshTokens.class), context.getBean(DataSource.class))
                        .build())));
    }

    static boolean hasDatabase(Env env) {
        DatabaseSettings database = DatabaseSettings.fromEnv(env);
        return database.external().isPresent() || Files.isDirectory(database.embeddedData());
    }
}
