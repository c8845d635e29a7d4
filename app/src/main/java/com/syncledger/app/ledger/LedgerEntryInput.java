package com.syncledger.app.ledger;

import com.syncledger.app.problem.InvalidInputException;
import com.syncledger.connectors.spi.Money;
import com.syncledger.connectors.spi.Platform;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A ledger entry as a caller sends it: money as a decimal string with its currency. {@code externalId}
 * is the caller's own id, which makes recording idempotent.
 */
public record LedgerEntryInput(String externalId, String kind, String date, String amount, String currency,
        String platform, String platformCampaignId, String description) {

    /** The checked entry, ready to record. */
    public record Valid(String externalId, LedgerEntry.Kind kind, LocalDate date, Money amount, Platform platform,
            String platformCampaignId, String description) {
    }

    /** @throws InvalidInputException listing every field that is wrong */
    public Valid validated() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (externalId == null || externalId.isBlank() || externalId.length() > 200
                || externalId.chars().anyMatch(Character::isISOControl)) {
            problems.put("externalId", "must be 1 to 200 printable characters");
        }
        LedgerEntry.Kind parsedKind = null;
        try {
            parsedKind = LedgerEntry.Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("kind", "must be revenue or adjustment");
        }
        LocalDate parsedDate = null;
        try {
            parsedDate = LocalDate.parse(String.valueOf(date));
        } catch (java.time.DateTimeException e) {
            problems.put("date", "must be a date YYYY-MM-DD");
        }
        Money money = null;
        try {
            money = Money.parseMajor(String.valueOf(amount), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.put("amount", "must be a decimal string with at most 6 decimals, e.g. \"1234.50\"");
        } catch (IllegalArgumentException e) {
            problems.put("currency", "must be an ISO-4217 code such as EUR");
        }
        Platform parsedPlatform = null;
        if (platform != null) {
            try {
                parsedPlatform = Platform.fromSlug(platform);
            } catch (IllegalArgumentException e) {
                problems.put("platform", e.getMessage());
            }
        }
        if (platformCampaignId != null && (platform == null || platformCampaignId.isBlank()
                || platformCampaignId.length() > 200)) {
            problems.put("platformCampaignId", "needs a platform and must be 1 to 200 characters");
        }
        if (description != null && description.length() > 2000) {
            problems.put("description", "must be at most 2000 characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(externalId.strip(), parsedKind, parsedDate, money, parsedPlatform, platformCampaignId,
                description);
    }
}
