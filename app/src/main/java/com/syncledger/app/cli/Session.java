package com.syncledger.app.cli;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.wire.Env;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Mixed into every command that works on the ledger: gives the command its output streams and the settings the
 * CLI runs with (built by the CLI's factory). A command declares the services it uses as {@code @Autowired}
 * fields (see {@link LedgerServices}).
 */
@Command
final class Session {

    private final Env env;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Session(Env env) {
        this.env = env;
    }

    /** The settings the command runs with. */
    Env env() {
        return env;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** Reports a refusal (e.g. a conflict with what is recorded) as invalid input: exit 2. */
    int refused(RuntimeException e) {
        err().println("error: " + e.getMessage());
        return SyncLedgerCommand.INVALID_INPUT;
    }

    /** Reports the problems of an input file line by line, nothing written: exit 2. */
    int refused(Path file, InvalidInputException e) {
        InputFiles.printProblems(err(), file, e);
        return SyncLedgerCommand.INVALID_INPUT;
    }
}
