package com.syncledger.app.cli;

import picocli.CommandLine.Option;

/** The store a command works on, {@code --store N}, required. */
final class StoreOption {

    @Option(names = "--store", required = true)
    long id;
}
