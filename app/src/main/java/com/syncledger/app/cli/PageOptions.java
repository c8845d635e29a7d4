package com.syncledger.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code --offset} and {@code --limit} of a list, as the API's {@code ?offset=&limit=}. Without {@code --limit}
 * a table lists everything and {@code --json} prints the API's default page of 100.
 */
final class PageOptions {

    static final int API_DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Option(names = "--offset", defaultValue = "0", description = "rows to skip (default 0)")
    int offset;

    @Option(names = "--limit", description = "rows to show, 1 to 1000")
    Integer limit;

    int offset() {
        if (offset < 0) {
            throw new IllegalArgumentException("--offset must not be negative");
        }
        return offset;
    }

    /** The rows of a list to read and print: {@code limit} rows after the first {@code offset}. */
    record Window(int offset, int limit) {
    }

    /** The window asked for; without {@code --limit}, everything ({@code all}) or the API's default page. */
    Window window(int all, boolean json) {
        return new Window(offset(), limit(all, json));
    }

    /** The limit asked for, else everything ({@code all}) or the API's default page. */
    int limit(int all, boolean json) {
        if (limit == null) {
            return json ? API_DEFAULT_LIMIT : all;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
