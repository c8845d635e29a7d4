package com.syncledger.app.api;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.app.views.ApiModel.Page;
import com.syncledger.connectors.spi.DateRange;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** Checks of query parameters shared by the endpoints; all run before any work starts. */
final class ApiInput {

    /** The longest range one request may read or snapshot (three years). */
    static final int MAX_RANGE_DAYS = 1096;
    static final int MAX_PAGE_SIZE = 500;

    private ApiInput() {
    }

    static DateRange range(String from, String to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "is required (YYYY-MM-DD)");
        }
        DateRange range;
        try {
            range = DateRange.parse(from, to);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("range", e.getMessage());
        }
        if (range.days() > MAX_RANGE_DAYS) {
            throw new InvalidInputException("range", "covers " + range.days() + " days; at most " + MAX_RANGE_DAYS
                    + " are allowed per request");
        }
        return range;
    }

    /** How a list endpoint reads {@code limit} rows after the first {@code offset}. */
    @FunctionalInterface
    interface PageRead<T> {
        List<T> read(int offset, int limit);
    }

    /** One page of a list: offset and limit checked before {@code read} runs, each row shown as {@code view}. */
    static <T, V> Page<V> page(int offset, int limit, PageRead<T> read, Function<T, V> view) {
        page(offset, limit);
        return new Page<>(read.read(offset, limit).stream().map(view).toList(), offset, limit);
    }

    /** A month range, both ends {@code YYYY-MM}; its length is checked by the reader. */
    static YearMonth[] months(String from, String to) {
        return new YearMonth[] {month("from", from), month("to", to)};
    }

    private static YearMonth month(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "is not a month (YYYY-MM): " + value);
        }
    }

    static void page(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
