package com.syncledger.app.ledger;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.Money;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A store as a caller describes it; {@link #validated()} checks every field before anything is written. */
public record StoreInput(String name, String timeZone, String billingCurrency) {

    public static final int MAX_NAME_LENGTH = 200;

    /** @throws InvalidInputException listing every field that is wrong */
    public StoreInput validated() {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH || cleanName.chars().anyMatch(Character::isISOControl)) {
            problems.put("name", "must be 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        String zone = null;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip()).getId();
        } catch (DateTimeException e) {
            problems.put("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        String currency = null;
        try {
            currency = Money.validCurrency(billingCurrency);
        } catch (IllegalArgumentException e) {
            problems.put("billingCurrency", "must be an ISO-4217 code such as EUR");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StoreInput(cleanName, zone, currency);
    }
}
