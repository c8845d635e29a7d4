package com.syncledger.app.cli;

import com.syncledger.app.views.ApiJson;
import com.syncledger.app.views.ApiModel.Page;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --json}: print the API's JSON shape for what the command reads instead of a table. */
final class JsonOption {

    @Option(names = "--json", description = "Print the same JSON as the HTTP API answers for this read.")
    boolean json;

    /**
     * Prints what a command read: with {@code --json} its API view, else as {@code table} prints it.
     *
     * @return the command's exit status, OK
     */
    <T> int print(PrintWriter out, T read, Function<T, ?> apiView, Consumer<T> table) {
        if (json) {
            out.println(ApiJson.write(apiView.apply(read)));
        } else {
            table.accept(read);
        }
        return SyncLedgerCommand.OK;
    }

    /** Prints one page of a list: with {@code --json} the API's page of views, else as {@code table} prints it. */
    <T> int printPage(PrintWriter out, List<T> rows, PageOptions.Window window, Function<T, ?> apiView,
            Consumer<List<T>> table) {
        return print(out, rows, r -> new Page<>(r.stream().map(apiView).toList(), window.offset(), window.limit()),
                table);
    }
}
