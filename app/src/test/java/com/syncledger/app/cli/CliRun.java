package com.syncledger.app.cli;

import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with given settings and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Env env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SyncLedgerCommand.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
