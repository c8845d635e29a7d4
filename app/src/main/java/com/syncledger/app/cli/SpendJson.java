package com.syncledger.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.syncledger.app.fetch.AccountFetch;
import com.syncledger.connectors.spi.DateRange;
import com.syncledger.connectors.spi.Money;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code --json} form of fetch results: the exact shape scripts rely on. Money is an exact decimal
 * string in the account's currency with at least the currency's minor digits ({@code "0.00"} for a USD day
 * without spend, {@code "1200"} for JPY); a failed or not-configured account has {@code null} spend and no
 * days, never zero. Days the platform's answer could not vouch for are left out of {@code days} (never
 * zero) and make the document incomplete.
 */
final class SpendJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Document(String from, String to, boolean complete, List<Entry> platforms, List<Total> totals) {
    }

    record Entry(String platform, String account, String status, String currency, String timezone, String spend,
            List<Day> days, Error error) {
    }

    record Day(String date, String spend) {
    }

    record Error(String kind, String message, @JsonProperty("platform_code") String platformCode,
            @JsonProperty("request_id") String requestId) {
    }

    record Total(String currency, String spend) {
    }

    private SpendJson() {
    }

    static String render(DateRange range, List<AccountFetch> results) {
        List<Entry> entries = results.stream().map(SpendJson::entry).toList();
        List<Total> totals = SpendTable.totals(results).values().stream()
                .map(t -> new Total(t.currency(), t.toDecimalString())).toList();
        boolean complete = results.stream().allMatch(r -> r.isOk() && r.report().isComplete());
        return MAPPER.writeValueAsString(new Document(range.from().toString(), range.to().toString(), complete,
                entries, totals));
    }

    private static Entry entry(AccountFetch r) {
        String currency = r.info() == null ? null : r.info().currency();
        String timezone = r.info() == null ? null : r.info().timeZone().getId();
        String spend = r.isOk() ? r.report().total(currency).toDecimalString() : null;
        List<Day> days = r.isOk()
                ? r.report().days().stream().map(d -> new Day(d.date().toString(), dayAmount(d.spend()))).toList()
                : List.of();
        Error error = r.error() == null ? null
                : new Error(r.error().kind().slug(), r.error().message(), r.error().platformCode(), r.error().requestId());
        return new Entry(r.account().platform().slug(), r.account().input(), r.status().slug(), currency, timezone,
                spend, days, error);
    }

    /** The contract's {@code "0"} for a day the platform answered with nothing; the exact amount otherwise. */
    private static String dayAmount(Money spend) {
        return spend.isZero() ? "0" : spend.toDecimalString();
    }
}
