package com.syncledger.app.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print the API's JSON shape for what the command reads instead of a table. */
final class JsonOption {

    @Option(names = "--json", description = "Print the same JSON as the HTTP API answers for this read.")
    boolean json;
}
