package com.syncledger.sandbox.google;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of the Google Ads Query Language the fake serves: fields of {@code customer},
 * {@code segments.date} and {@code metrics.cost_micros}, {@code FROM customer}, a
 * {@code segments.date BETWEEN} filter, {@code ORDER BY segments.date} and {@code LIMIT}. Anything else is
 * refused with the {@code queryError} the real API uses for it.
 */
record Gaql(List<String> select, LocalDate since, LocalDate until, boolean descending, Integer limit) {

    /** GAQL field name to its JSON path in a result row (proto3 JSON uses lowerCamelCase). */
    static final Map<String, String> FIELDS = Map.of(
            "customer.id", "customer.id",
            "customer.resource_name", "customer.resourceName",
            "customer.descriptive_name", "customer.descriptiveName",
            "customer.currency_code", "customer.currencyCode",
            "customer.time_zone", "customer.timeZone",
            "segments.date", "segments.date",
            "metrics.cost_micros", "metrics.costMicros");

    /** A query the API refuses: {@code code} is the {@code QueryError} enum value. */
    static final class QueryError extends RuntimeException {
        final String code;

        QueryError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static final Pattern QUERY = Pattern.compile(
            "(?is)SELECT\\s+(?<select>.+?)\\s+FROM\\s+(?<from>\\S+)"
                    + "(?:\\s+WHERE\\s+(?<where>.+?))?(?:\\s+ORDER\\s+BY\\s+(?<order>.+?))?(?:\\s+LIMIT\\s+(?<limit>\\S+))?");
    private static final Pattern BETWEEN = Pattern.compile(
            "(?is)segments\\.date\\s+BETWEEN\\s+'([^']*)'\\s+AND\\s+'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("(?is)(\\S+?)(?:\\s+(ASC|DESC))?");

    boolean selects(String field) {
        return select.contains(field);
    }

    static Gaql parse(String text) {
        String query = text == null ? "" : text.strip();
        if (!query.regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new QueryError("EXPECTED_SELECT", "SELECT is missing at the beginning of query.");
        }
        Matcher m = QUERY.matcher(query);
        if (!m.matches()) {
            throw new QueryError("EXPECTED_FROM", "Missing FROM clause.");
        }
        List<String> select = new ArrayList<>();
        for (String field : m.group("select").split(",")) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            if (!FIELDS.containsKey(name)) {
                throw new QueryError("UNRECOGNIZED_FIELD", "Unrecognized field in the query: '" + field.strip() + "'.");
            }
            select.add(name);
        }
        if (!m.group("from").equalsIgnoreCase("customer")) {
            // The real API knows many more resources; this fake serves customer only.
            throw new QueryError("BAD_RESOURCE_TYPE_IN_FROM_CLAUSE",
                    "Invalid resource type was specified in the FROM clause: '" + m.group("from") + "'.");
        }
        LocalDate since = null;
        LocalDate until = null;
        if (m.group("where") != null) {
            Matcher between = BETWEEN.matcher(m.group("where").strip());
            if (!between.matches()) {
                throw new QueryError("QUERY_ERROR", "Error in query: the sandbox understands only "
                        + "segments.date BETWEEN 'YYYY-MM-DD' AND 'YYYY-MM-DD'.");
            }
            since = date(between.group(1));
            until = date(between.group(2));
            if (since.isAfter(until)) {
                throw new QueryError("DATE_RANGE_TOO_NARROW",
                        "Filters on date/week/month/quarter have a start date after end date.");
            }
        } else if (select.contains("segments.date")) {
            throw new QueryError("EXPECTED_FILTERS_ON_DATE_RANGE", "Missing filters on date related fields.");
        }
        boolean descending = false;
        if (m.group("order") != null) {
            Matcher order = ORDER.matcher(m.group("order").strip());
            String field = order.matches() ? order.group(1).toLowerCase(Locale.ROOT) : m.group("order");
            if (!select.contains(field)) {
                throw new QueryError("EXPECTED_REFERENCED_FIELD_IN_SELECT_CLAUSE",
                        "Fields used in WHERE or ORDER BY clauses are missing from the SELECT clause: '" + field + "'.");
            }
            if (!field.equals("segments.date")) {
                throw new QueryError("QUERY_ERROR", "Error in query: the sandbox orders by segments.date only.");
            }
            descending = "DESC".equalsIgnoreCase(order.group(2));
        }
        Integer limit = null;
        if (m.group("limit") != null) {
            try {
                limit = Integer.valueOf(m.group("limit"));
            } catch (NumberFormatException e) {
                throw new QueryError("BAD_LIMIT_VALUE", "The value for LIMIT is invalid: '" + m.group("limit") + "'.");
            }
            if (limit < 1) {
                throw new QueryError("LIMIT_VALUE_TOO_LOW", "Value for LIMIT must be greater than 0.");
            }
        }
        return new Gaql(List.copyOf(select), since, until, descending, limit);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new QueryError("INVALID_DATE_FORMAT", "Invalid date format. Expected 'YYYY-MM-DD': '" + text + "'.");
        }
    }
}
